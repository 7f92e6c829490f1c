-- Staff accounts. Passwords are stored as Spring Security's delegating hashes ({bcrypt}...); an account signing in
-- only through OpenID Connect may have none. Repeated failed sign-ins lock the account for a growing delay.
CREATE TABLE account (
    username             VARCHAR(100) PRIMARY KEY,
    display_name         VARCHAR(200) NOT NULL,
    password_hash        VARCHAR(200),
    roles                VARCHAR(32)[] NOT NULL,
    team                 VARCHAR(32),
    enabled              BOOLEAN      NOT NULL DEFAULT TRUE,
    must_change_password BOOLEAN      NOT NULL DEFAULT FALSE,
    failed_sign_ins      INTEGER      NOT NULL DEFAULT 0,
    locked_until         TIMESTAMPTZ,
    created_at           TIMESTAMPTZ  NOT NULL
);
