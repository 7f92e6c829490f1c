-- The annual activity report's read model (projection "activity-report"). Facts are kept with their instant; the
-- report turns instants into calendar dates of the service's time zone when it is asked (see docs/report.md).
CREATE SCHEMA activity_report;

-- One row per case, from its request: what the report counts a family by.
CREATE TABLE activity_report.report_case (
    case_id         UUID PRIMARY KEY,
    team            TEXT    NOT NULL,
    prison          TEXT    NOT NULL,
    referrer_type   TEXT    NOT NULL,
    measure         BOOLEAN NOT NULL,
    received_at     TIMESTAMPTZ NOT NULL
);

-- A support period: from an acceptance to the closing that ends it (open while closed_at is null). A reopened and
-- accepted again case has several. Keyed by the acceptance's event id, so a redelivered event changes nothing.
CREATE TABLE activity_report.support_period (
    accepted_event_id TEXT PRIMARY KEY,
    case_id           UUID    NOT NULL,
    team              TEXT    NOT NULL,
    prison            TEXT    NOT NULL,
    referrer_type     TEXT    NOT NULL,
    measure           BOOLEAN NOT NULL,
    accepted_at       TIMESTAMPTZ NOT NULL,
    closed_at         TIMESTAMPTZ,
    closed_event_id   TEXT UNIQUE
);
CREATE INDEX support_period_by_case ON activity_report.support_period (case_id) WHERE closed_at IS NULL;
CREATE INDEX support_period_by_dates ON activity_report.support_period (accepted_at, closed_at);

-- Every child of a case, from the request or added later.
CREATE TABLE activity_report.report_child (
    case_id     UUID NOT NULL,
    subject_id  UUID NOT NULL,
    birth_date  DATE NOT NULL,
    department  TEXT,
    housing     TEXT NOT NULL,
    added_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (case_id, subject_id)
);

-- One row per counted fact (interview, home visit, mediated visit, nursery accompaniment, collective session),
-- keyed by its event id: a correction voids exactly the fact it names.
CREATE TABLE activity_report.report_fact (
    event_id        TEXT PRIMARY KEY,
    case_id         UUID,
    team            TEXT    NOT NULL,
    prison          TEXT,
    kind            TEXT    NOT NULL,
    detail          TEXT    NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    kilometres      INTEGER NOT NULL,
    by_volunteer    BOOLEAN NOT NULL,
    participants    INTEGER NOT NULL,
    voided          BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX report_fact_by_date ON activity_report.report_fact (occurred_at) INCLUDE (team, kind, detail,
    kilometres, by_volunteer, participants, prison, voided);
