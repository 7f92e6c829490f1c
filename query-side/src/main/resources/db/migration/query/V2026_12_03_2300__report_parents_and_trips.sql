-- The bilan's headline figures (docs/report.md): distinct detained parents, distinct participants of collective
-- actions, home visits or interviews with the children. Filled from the events: after this migration, rebuild the
-- activity-report projection so that the years already recorded count them too (docs/operations.md).

-- The detained parents of each case: the request's detained parent and a party with that role (both parents held).
-- The same person on two families' requests has one subject id and counts once.
CREATE TABLE activity_report.report_parent (
    case_id     UUID NOT NULL,
    subject_id  UUID NOT NULL,
    PRIMARY KEY (case_id, subject_id)
);
CREATE INDEX report_parent_subject ON activity_report.report_parent (subject_id);

-- One row per parent listed by a collective session; case_id is null for a parent taking part without a case.
CREATE TABLE activity_report.report_participation (
    event_id    TEXT    NOT NULL,
    parent_id   UUID    NOT NULL,
    year        INTEGER NOT NULL,
    team        TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    case_id     UUID,
    PRIMARY KEY (event_id, parent_id)
);
CREATE INDEX report_participation_year ON activity_report.report_participation (year, team);

-- Whether an interview was held face to face (not by phone) with the children present.
ALTER TABLE activity_report.report_fact ADD COLUMN with_children BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE activity_report.fact_tally ADD COLUMN with_children BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE activity_report.fact_tally DROP CONSTRAINT fact_tally_pkey;
ALTER TABLE activity_report.fact_tally ADD PRIMARY KEY (year, team, prison, kind, detail, by_volunteer, with_children);
