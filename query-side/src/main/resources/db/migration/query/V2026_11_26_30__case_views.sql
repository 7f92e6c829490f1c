-- Read models of the case list, case detail and case history, written by the "case-views" processor in the same
-- transaction as its token. version = sequence number of the last event applied (the case version).
CREATE TABLE case_view (
    case_id                         UUID PRIMARY KEY,
    team                            VARCHAR(32)  NOT NULL,
    prison                          VARCHAR(32)  NOT NULL,
    stage                           VARCHAR(32)  NOT NULL,
    referrer_type                   VARCHAR(32)  NOT NULL,
    channel                         VARCHAR(32)  NOT NULL,
    penal_status                    VARCHAR(32)  NOT NULL,
    educational_or_judicial_measure BOOLEAN      NOT NULL,
    received_at                     TIMESTAMPTZ  NOT NULL,
    children_count                  INTEGER      NOT NULL,
    visit_count                     INTEGER      NOT NULL DEFAULT 0,
    last_visit_at                   TIMESTAMPTZ,
    closed_at                       TIMESTAMPTZ,
    closing_reason                  VARCHAR(64),
    version                         BIGINT       NOT NULL
);
CREATE INDEX case_view_team_stage ON case_view (team, stage, received_at DESC);
CREATE INDEX case_view_prison_stage ON case_view (prison, stage, received_at DESC);
CREATE INDEX case_view_received ON case_view (received_at DESC, case_id);

-- Everyone on a case: the detained parent, the other adults and the children (role CHILD).
CREATE TABLE case_view_person (
    case_id            UUID        NOT NULL REFERENCES case_view (case_id) ON DELETE CASCADE,
    subject_id         UUID        NOT NULL,
    position           INTEGER     NOT NULL,
    role               VARCHAR(32) NOT NULL,
    birth_date         DATE,
    department         VARCHAR(3),
    housing            VARCHAR(32),
    parental_authority UUID,
    consent_given      BOOLEAN     NOT NULL DEFAULT FALSE,
    consent_changed_at TIMESTAMPTZ,
    PRIMARY KEY (case_id, subject_id)
);

CREATE TABLE case_history_entry (
    case_id         UUID         NOT NULL,
    sequence_number BIGINT       NOT NULL,
    event_id        VARCHAR(64)  NOT NULL UNIQUE,
    event_type      VARCHAR(64)  NOT NULL,
    actor           VARCHAR(128),
    occurred_at     TIMESTAMPTZ  NOT NULL,
    recorded_at     TIMESTAMPTZ  NOT NULL,
    correlation_id  VARCHAR(128),
    trace_id        VARCHAR(128),
    summary         TEXT         NOT NULL,
    PRIMARY KEY (case_id, sequence_number)
);
