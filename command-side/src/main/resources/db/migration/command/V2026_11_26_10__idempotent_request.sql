-- Answers to command requests sent with an Idempotency-Key, written in the command's own transaction.
CREATE TABLE idempotent_request (
    actor               VARCHAR(128) NOT NULL,
    idempotency_key     VARCHAR(128) NOT NULL,
    request_fingerprint CHAR(64)     NOT NULL,
    response_status     INTEGER,
    response_location   VARCHAR(512),
    response_version    BIGINT,
    response_body       TEXT,
    created_at          TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (actor, idempotency_key)
);
