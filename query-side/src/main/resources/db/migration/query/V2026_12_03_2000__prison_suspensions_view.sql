-- The prison-wide suspensions of visits and the scheduled visits each cancelled, for the managers' page
-- « Suspensions » (processing group "case-views", schema case_views: rebuilt with the case views).
CREATE TABLE case_views.prison_suspension (
    suspension_id UUID         PRIMARY KEY,
    prison        VARCHAR(32)  NOT NULL,
    starts_at     TIMESTAMPTZ  NOT NULL,
    ends_at       TIMESTAMPTZ  NOT NULL,
    reason        VARCHAR(32)  NOT NULL,
    occurred_at   TIMESTAMPTZ  NOT NULL,
    recorded_at   TIMESTAMPTZ  NOT NULL,
    lifted_at     TIMESTAMPTZ
);
CREATE INDEX prison_suspension_recent ON case_views.prison_suspension (recorded_at DESC);

-- Where each case's parent is held, as the suspension process reads it (moved by a transfer only).
CREATE TABLE case_views.suspension_case_prison (
    case_id UUID        PRIMARY KEY,
    prison  VARCHAR(32) NOT NULL
);

-- Every visit ever scheduled: when it was planned for (a cancellation names the visit only).
CREATE TABLE case_views.scheduled_visit_time (
    visit_id    UUID        PRIMARY KEY,
    case_id     UUID        NOT NULL,
    planned_for TIMESTAMPTZ NOT NULL
);

-- A visit cancelled because its prison suspended visits; matched to its suspension when read (the suspension's
-- event and the cancellations it caused may be processed by different segments, in either order).
CREATE TABLE case_views.suspension_cancelled_visit (
    visit_id     UUID        PRIMARY KEY,
    case_id      UUID        NOT NULL,
    prison       VARCHAR(32) NOT NULL,
    planned_for  TIMESTAMPTZ NOT NULL,
    cancelled_on TIMESTAMPTZ NOT NULL
);
CREATE INDEX suspension_cancelled_visit_match ON case_views.suspension_cancelled_visit (cancelled_on, prison);
