-- What is coming up on each case (deadline warnings), for the caseworkers who may see the case.
CREATE TABLE work_queue_item (
    event_id    VARCHAR(64) PRIMARY KEY,
    case_id     UUID        NOT NULL,
    kind        VARCHAR(32) NOT NULL,
    child       UUID,
    accompanier VARCHAR(100),
    due_on      DATE        NOT NULL,
    raised_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX work_queue_item_case ON work_queue_item (case_id);
CREATE INDEX work_queue_item_due ON work_queue_item (due_on);
