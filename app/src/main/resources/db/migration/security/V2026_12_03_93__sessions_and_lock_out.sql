-- A password change or a disabled account ends the account's sessions on every node: each session remembers the
-- generation it signed in under, and a change moves the account to the next one.
ALTER TABLE account ADD COLUMN session_generation INTEGER NOT NULL DEFAULT 0;

-- Failed sign-ins are counted per account name *and* source address, whether the account exists or not: a stranger
-- locks out only their own address, and the answer cannot tell which names exist (docs/security.md, "Lock-out").
CREATE TABLE sign_in_failure (
    username     VARCHAR(100) NOT NULL,
    address      VARCHAR(64)  NOT NULL,
    failures     INTEGER      NOT NULL,
    locked_until TIMESTAMPTZ,
    last_failure TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (username, address)
);
CREATE INDEX sign_in_failure_by_age ON sign_in_failure (last_failure);

ALTER TABLE account DROP COLUMN failed_sign_ins, DROP COLUMN locked_until;
