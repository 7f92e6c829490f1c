-- Every read of one case's data (detail, history, exports, as-of replay): who, with which roles, what, when, why.
-- Not a projection and not a case event: an append-only trail of its own in public, written before the answer leaves.
CREATE TABLE public.case_access_trail (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    accessed_at    TIMESTAMPTZ   NOT NULL,
    account        VARCHAR(100)  NOT NULL,
    roles          VARCHAR(200)  NOT NULL,
    case_id        UUID          NOT NULL,
    what           VARCHAR(32)   NOT NULL,
    parameters     VARCHAR(1000),
    purpose        VARCHAR(500)  NOT NULL,
    purpose_stated BOOLEAN       NOT NULL,
    break_glass_id BIGINT        REFERENCES public.break_glass_access (id),
    outcome        VARCHAR(16)   NOT NULL
);
CREATE INDEX case_access_trail_case ON public.case_access_trail (case_id, id DESC);
CREATE INDEX case_access_trail_account ON public.case_access_trail (account, id DESC);

CREATE FUNCTION public.case_access_trail_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'case_access_trail is append-only';
END $$;
CREATE TRIGGER case_access_trail_append_only BEFORE UPDATE OR DELETE ON public.case_access_trail
    FOR EACH ROW EXECUTE FUNCTION public.case_access_trail_is_append_only();
CREATE TRIGGER case_access_trail_no_truncate BEFORE TRUNCATE ON public.case_access_trail
    FOR EACH STATEMENT EXECUTE FUNCTION public.case_access_trail_is_append_only();
