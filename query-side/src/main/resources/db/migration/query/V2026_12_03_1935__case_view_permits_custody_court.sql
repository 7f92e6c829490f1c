-- What the case page shows of a case's visiting permits, its parent's penal path, the judges' decisions on visiting
-- rights and the no-contact orders. Written by the case view projection, in the same transaction as its token.

-- One row per accompanier and prison: a permit issued again for both replaces the earlier one, as in the case.
CREATE TABLE case_views.case_view_permit (
    case_id     UUID         NOT NULL,
    accompanier VARCHAR(100) NOT NULL,
    prison      VARCHAR(32)  NOT NULL,
    issued_at   TIMESTAMPTZ  NOT NULL,
    valid_until DATE         NOT NULL,
    ended_at    TIMESTAMPTZ,
    PRIMARY KEY (case_id, accompanier, prison)
);

-- Each step of the penal path; a corrected step stays, marked.
CREATE TABLE case_views.case_view_custody (
    event_id    VARCHAR(64) PRIMARY KEY,
    case_id     UUID        NOT NULL,
    sequence    BIGINT      NOT NULL,
    change      VARCHAR(32) NOT NULL,
    prison      VARCHAR(32),
    occurred_at TIMESTAMPTZ NOT NULL,
    corrected   BOOLEAN     NOT NULL DEFAULT FALSE
);
CREATE INDEX case_view_custody_case ON case_views.case_view_custody (case_id, sequence);

CREATE TABLE case_views.case_view_court_decision (
    event_id    VARCHAR(64) PRIMARY KEY,
    case_id     UUID        NOT NULL,
    sequence    BIGINT      NOT NULL,
    court       VARCHAR(32) NOT NULL,
    rights      VARCHAR(32) NOT NULL,
    children    UUID[]      NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX case_view_court_decision_case ON case_views.case_view_court_decision (case_id, sequence);

-- One row per order and child; lifted_at once a lifting names the child.
CREATE TABLE case_views.case_view_no_contact (
    event_id   VARCHAR(64) NOT NULL,
    child      UUID        NOT NULL,
    case_id    UUID        NOT NULL,
    court      VARCHAR(32) NOT NULL,
    ordered_at TIMESTAMPTZ NOT NULL,
    lifted_at  TIMESTAMPTZ,
    PRIMARY KEY (event_id, child)
);
CREATE INDEX case_view_no_contact_case ON case_views.case_view_no_contact (case_id, ordered_at);
