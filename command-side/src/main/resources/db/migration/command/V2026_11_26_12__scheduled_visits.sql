-- Where each case's parent is held, and the visits still to come: kept in the command's own transaction, read when a
-- prison suspends its visits.
CREATE TABLE case_prison (
    case_id UUID PRIMARY KEY,
    prison  VARCHAR(32) NOT NULL
);

CREATE TABLE scheduled_visit (
    visit_id    UUID PRIMARY KEY,
    case_id     UUID        NOT NULL,
    prison      VARCHAR(32) NOT NULL,
    planned_for TIMESTAMPTZ NOT NULL,
    status      VARCHAR(16) NOT NULL
);
CREATE INDEX scheduled_visit_prison_planned ON scheduled_visit (prison, planned_for) WHERE status = 'SCHEDULED';
