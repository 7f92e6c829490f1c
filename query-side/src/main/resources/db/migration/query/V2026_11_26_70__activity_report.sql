-- The annual activity report's read model (projection "activity-report", see docs/report.md). Dates are calendar
-- dates in the service's time zone, computed by the projection. Besides the facts it keeps running tallies per year,
-- so that a report reads a few hundred rows whatever the number of cases.
CREATE SCHEMA activity_report;

-- One row per case, from its request: what the report counts a family by.
CREATE TABLE activity_report.report_case (
    case_id         UUID PRIMARY KEY,
    team            TEXT    NOT NULL,
    prison          TEXT    NOT NULL,
    referrer_type   TEXT    NOT NULL,
    measure         BOOLEAN NOT NULL
);

-- A support period: from an acceptance to the closing that ends it (open while closed_on is null). Keyed by the
-- acceptance's event id, and the closing's id is kept, so a redelivered event changes nothing.
CREATE TABLE activity_report.support_period (
    accepted_event_id TEXT PRIMARY KEY,
    case_id           UUID NOT NULL,
    accepted_on       DATE NOT NULL,
    closed_on         DATE,
    closed_event_id   TEXT UNIQUE
);
CREATE INDEX support_period_open ON activity_report.support_period (case_id) WHERE closed_on IS NULL;

-- Every child of a case, from the request or added later.
CREATE TABLE activity_report.report_child (
    case_id     UUID NOT NULL,
    subject_id  UUID NOT NULL,
    birth_date  DATE NOT NULL,
    department  TEXT NOT NULL,  -- '' when unknown
    housing     TEXT NOT NULL,
    added_year  INTEGER NOT NULL,
    PRIMARY KEY (case_id, subject_id)
);

-- The last year the projection has seen an event of: open support periods are counted up to it.
CREATE TABLE activity_report.report_horizon (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    year  INTEGER NOT NULL
);
INSERT INTO activity_report.report_horizon VALUES (1, 0);

-- A family supported in a year, with its latest support period overlapping the year and the follow-up bucket.
CREATE TABLE activity_report.family_year (
    year        INTEGER NOT NULL,
    case_id     UUID    NOT NULL,
    since       DATE    NOT NULL,
    until       DATE    NOT NULL,
    bucket      TEXT    NOT NULL,
    PRIMARY KEY (case_id, year)
);

CREATE TABLE activity_report.family_tally (
    year            INTEGER NOT NULL,
    team            TEXT    NOT NULL,
    referrer_type   TEXT    NOT NULL,
    measure         BOOLEAN NOT NULL,
    prison          TEXT    NOT NULL,
    bucket          TEXT    NOT NULL,
    families        INTEGER NOT NULL,
    PRIMARY KEY (year, team, referrer_type, measure, prison, bucket)
);

-- Children of the families supported in a year: by birth date (age bands depend on the asked reference date), and
-- by département and housing.
CREATE TABLE activity_report.child_age_tally (
    year        INTEGER NOT NULL,
    team        TEXT    NOT NULL,
    birth_date  DATE    NOT NULL,
    children    INTEGER NOT NULL,
    PRIMARY KEY (year, team, birth_date)
);

-- The same children by age band at 31 December of the year, the report's default reference date.
CREATE TABLE activity_report.child_band_tally (
    year        INTEGER NOT NULL,
    team        TEXT    NOT NULL,
    band        TEXT    NOT NULL,
    children    INTEGER NOT NULL,
    PRIMARY KEY (year, team, band)
);

CREATE TABLE activity_report.child_place_tally (
    year        INTEGER NOT NULL,
    team        TEXT    NOT NULL,
    department  TEXT    NOT NULL,
    housing     TEXT    NOT NULL,
    children    INTEGER NOT NULL,
    PRIMARY KEY (year, team, department, housing)
);

-- One row per counted fact (interview, home visit, mediated visit, nursery accompaniment, collective session),
-- keyed by its event id: a correction voids exactly the fact it names.
CREATE TABLE activity_report.report_fact (
    event_id        TEXT PRIMARY KEY,
    year            INTEGER NOT NULL,
    team            TEXT    NOT NULL,
    prison          TEXT    NOT NULL,  -- '' for a fact of a case
    kind            TEXT    NOT NULL,
    detail          TEXT    NOT NULL,
    kilometres      INTEGER NOT NULL,
    by_volunteer    BOOLEAN NOT NULL,
    participants    INTEGER NOT NULL,
    voided          BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE activity_report.fact_tally (
    year            INTEGER NOT NULL,
    team            TEXT    NOT NULL,
    prison          TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    detail          TEXT    NOT NULL,
    by_volunteer    BOOLEAN NOT NULL,
    facts           INTEGER NOT NULL,
    kilometres      BIGINT  NOT NULL,
    participants    INTEGER NOT NULL,
    PRIMARY KEY (year, team, prison, kind, detail, by_volunteer)
);
