-- Separation of duties (docs/security.md, "Separation of duties"): a role change that would let an administrator read
-- cases waits for a second administrator's approval, and every change to an account is recorded in a trail that
-- nobody changes afterwards.

-- A requested change of an account's roles (and team), pending until another administrator approves or refuses it.
CREATE TABLE role_change_request (
    id           BIGSERIAL    PRIMARY KEY,
    account      VARCHAR(100) NOT NULL REFERENCES account (username),
    roles        VARCHAR(32)[] NOT NULL,
    team         VARCHAR(32),
    requested_by VARCHAR(100) NOT NULL,
    requested_at TIMESTAMPTZ  NOT NULL,
    status       VARCHAR(16)  NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REFUSED')),
    decided_by   VARCHAR(100),
    decided_at   TIMESTAMPTZ,
    CHECK ((status = 'PENDING') = (decided_by IS NULL)),
    -- A second administrator approves: neither the one who asked nor the account changed (asking may be withdrawn).
    CHECK (status <> 'APPROVED' OR (decided_by <> requested_by AND decided_by <> account))
);
-- One pending request per account at a time: a second would be approved against roles the first may change.
CREATE UNIQUE INDEX role_change_request_one_pending ON role_change_request (account) WHERE status = 'PENDING';

-- Every change to an account: created, disabled, password changed, roles requested, approved, refused, changed.
-- Holds account names and roles only, never a password or a hash.
CREATE TABLE account_trail (
    id           BIGSERIAL    PRIMARY KEY,
    at           TIMESTAMPTZ  NOT NULL,
    actor        VARCHAR(100) NOT NULL,
    account      VARCHAR(100) NOT NULL,
    action       VARCHAR(32)  NOT NULL,
    roles_before VARCHAR(32)[],
    roles_after  VARCHAR(32)[],
    team         VARCHAR(32),
    request_id   BIGINT
);
CREATE INDEX account_trail_account ON account_trail (account, id DESC);

CREATE FUNCTION account_trail_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'account_trail is append-only';
END $$;
CREATE TRIGGER account_trail_append_only BEFORE UPDATE OR DELETE ON account_trail
    FOR EACH ROW EXECUTE FUNCTION account_trail_is_append_only();
CREATE TRIGGER account_trail_no_truncate BEFORE TRUNCATE ON account_trail
    FOR EACH STATEMENT EXECUTE FUNCTION account_trail_is_append_only();

-- A decided request stays as it was decided: only a pending one may change, and only to its decision.
CREATE FUNCTION role_change_request_decided_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'UPDATE' OR OLD.status <> 'PENDING' OR NEW.account <> OLD.account OR NEW.roles <> OLD.roles
        OR NEW.team IS DISTINCT FROM OLD.team OR NEW.requested_by <> OLD.requested_by
        OR NEW.requested_at <> OLD.requested_at THEN
        RAISE EXCEPTION 'role_change_request: only a pending request is decided, once';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER role_change_request_decided_once BEFORE UPDATE OR DELETE ON role_change_request
    FOR EACH ROW EXECUTE FUNCTION role_change_request_decided_once();
