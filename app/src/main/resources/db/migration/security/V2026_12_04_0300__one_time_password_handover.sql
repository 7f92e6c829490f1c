-- A one-time password is never shown to the administrator who creates an account or forces a password change
-- (docs/security.md, "One-time passwords"): the account waits, without a usable password, until someone who may
-- already read what it will read issues one. These columns say since when it waits and who made it wait (that
-- administrator may not issue it).
ALTER TABLE account
    ADD COLUMN password_withheld_by VARCHAR(100),
    ADD COLUMN password_withheld_at TIMESTAMPTZ,
    ADD CONSTRAINT account_withheld_has_no_password
        CHECK (password_withheld_by IS NULL OR (password_hash IS NULL AND must_change_password));
