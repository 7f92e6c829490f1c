-- Each case's team and assignee, kept by the subscribing "case-access" processor in the command's own transaction.
CREATE TABLE case_access (
    case_id     UUID PRIMARY KEY,
    team        VARCHAR(32)  NOT NULL,
    assigned_to VARCHAR(100)
);
