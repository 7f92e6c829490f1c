-- Who a case is assigned to, for scoping views.
ALTER TABLE case_view ADD COLUMN assigned_to VARCHAR(100);
CREATE INDEX case_view_assigned ON case_view (assigned_to) WHERE assigned_to IS NOT NULL;

-- Break-glass: a justified, time-limited read of a case outside the reader's scope. Append-only: auditors read it.
CREATE TABLE break_glass_access (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account       VARCHAR(100) NOT NULL,
    case_id       UUID         NOT NULL,
    justification TEXT         NOT NULL,
    granted_at    TIMESTAMPTZ  NOT NULL,
    expires_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX break_glass_access_account_case ON break_glass_access (account, case_id, expires_at);

CREATE FUNCTION break_glass_access_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'break_glass_access is append-only';
END $$;
CREATE TRIGGER break_glass_access_append_only BEFORE UPDATE OR DELETE ON break_glass_access
    FOR EACH ROW EXECUTE FUNCTION break_glass_access_is_append_only();
