-- The caseload dashboard (processing group "caseload") and the work queues (group "work-queue"), each in a schema of
-- its own. Both groups are new: their pooled processors start from the beginning of the event store and rebuild these
-- tables from history on first start. Every row carries its team (and the assigned caseworker) so views scope by SQL.

CREATE SCHEMA caseload;

-- One row per case: where it stands. version = sequence number of the last event applied (idempotency).
CREATE TABLE caseload.caseload_case (
    case_id     UUID         PRIMARY KEY,
    team        VARCHAR(32)  NOT NULL,
    prison      VARCHAR(32)  NOT NULL,
    stage       VARCHAR(32)  NOT NULL,
    -- '' while nobody is assigned: part of the bucket key, which cannot hold NULL.
    caseworker  VARCHAR(100) NOT NULL,
    received_at TIMESTAMPTZ  NOT NULL,
    accepted_at TIMESTAMPTZ,
    closed_at   TIMESTAMPTZ,
    version     BIGINT       NOT NULL
);
-- Finds a bucket's oldest request when a case leaves it.
CREATE INDEX caseload_case_bucket ON caseload.caseload_case (team, prison, stage, caseworker, received_at);

-- Cases counted per (team, prison, stage, caseworker), kept by the projection as cases move, so that the dashboard
-- reads a few hundred rows whatever the number of cases. received_epoch_sum / cases is the mean request time.
CREATE TABLE caseload.caseload_bucket (
    team               VARCHAR(32)  NOT NULL,
    prison             VARCHAR(32)  NOT NULL,
    stage              VARCHAR(32)  NOT NULL,
    caseworker         VARCHAR(100) NOT NULL,
    cases              INTEGER      NOT NULL,
    received_epoch_sum NUMERIC      NOT NULL,
    oldest_received_at TIMESTAMPTZ,
    PRIMARY KEY (team, prison, stage, caseworker)
);

CREATE SCHEMA work_queue;

-- What the work queue needs to know of each case: its team, its caseworker, whether it is still open.
CREATE TABLE work_queue.work_queue_case (
    case_id     UUID         PRIMARY KEY,
    team        VARCHAR(32)  NOT NULL,
    caseworker  VARCHAR(100),
    assigned_at TIMESTAMPTZ,
    open        BOOLEAN      NOT NULL,
    version     BIGINT       NOT NULL
);
-- "Recently assigned", for a caseworker and for a team manager.
CREATE INDEX work_queue_case_assigned ON work_queue.work_queue_case (caseworker, assigned_at DESC) WHERE open;
CREATE INDEX work_queue_case_team_assigned ON work_queue.work_queue_case (team, assigned_at DESC) WHERE open;

-- Deadline warnings still to act on (one per warning event).
CREATE TABLE work_queue.work_queue_deadline (
    event_id    VARCHAR(64)  PRIMARY KEY,
    case_id     UUID         NOT NULL,
    team        VARCHAR(32)  NOT NULL,
    caseworker  VARCHAR(100),
    kind        VARCHAR(32)  NOT NULL,
    child       UUID,
    party       UUID,
    accompanier VARCHAR(100),
    due_on      DATE         NOT NULL,
    raised_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX work_queue_deadline_case ON work_queue.work_queue_deadline (case_id);
CREATE INDEX work_queue_deadline_team ON work_queue.work_queue_deadline (team, due_on);
CREATE INDEX work_queue_deadline_caseworker ON work_queue.work_queue_deadline (caseworker, due_on);
-- A caseworker's queue also holds their team's unassigned cases.
CREATE INDEX work_queue_deadline_unassigned ON work_queue.work_queue_deadline (team, due_on) WHERE caseworker IS NULL;

-- Visits planned and neither held nor cancelled yet.
CREATE TABLE work_queue.work_queue_visit (
    visit_id    UUID         PRIMARY KEY,
    case_id     UUID         NOT NULL,
    team        VARCHAR(32)  NOT NULL,
    caseworker  VARCHAR(100),
    planned_for TIMESTAMPTZ  NOT NULL,
    place       VARCHAR(32)  NOT NULL,
    accompanier VARCHAR(100)
);
CREATE INDEX work_queue_visit_case ON work_queue.work_queue_visit (case_id);
CREATE INDEX work_queue_visit_team ON work_queue.work_queue_visit (team, planned_for);
CREATE INDEX work_queue_visit_caseworker ON work_queue.work_queue_visit (caseworker, planned_for);
CREATE INDEX work_queue_visit_unassigned ON work_queue.work_queue_visit (team, planned_for) WHERE caseworker IS NULL;

-- The first work queue lived in the case-views group; the work-queue group rebuilds its items from history.
DROP TABLE case_views.work_queue_item;
