-- The visits planned on a case, for its page: which are still to come (to cancel or hold), held or cancelled.
-- held_by is the event that recorded the visit held: correcting that entry makes the visit planned again.
CREATE TABLE case_views.case_view_visit (
    visit_id    UUID        PRIMARY KEY,
    case_id     UUID        NOT NULL,
    planned_for TIMESTAMPTZ NOT NULL,
    place       VARCHAR(32) NOT NULL,
    children    INTEGER     NOT NULL,
    status      VARCHAR(16) NOT NULL,
    held_by     VARCHAR(64)
);
CREATE INDEX case_view_visit_case ON case_views.case_view_visit (case_id, planned_for);
