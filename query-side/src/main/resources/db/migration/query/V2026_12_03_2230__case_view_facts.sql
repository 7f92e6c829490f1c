-- The entries of each case that the list and the case page read through CaseFacts (consents and their withdrawals,
-- custody changes, visits held, corrections), as the events' JSON, so that a late, ended or corrected entry is read
-- as the command side reads it (docs/decisions/0008). Written by the case view projection with its token.
-- Cases recorded before this migration have no entries here until the case-views projection is rebuilt
-- (POST /api/projections/case-views/rebuild, docs/operations.md).
CREATE TABLE case_views.case_view_fact (
    case_id    UUID        NOT NULL,
    sequence   BIGINT      NOT NULL,
    event_id   VARCHAR(64) NOT NULL,
    event_type VARCHAR(64) NOT NULL,
    payload    TEXT        NOT NULL,
    PRIMARY KEY (case_id, sequence)
);

-- The last day of the consent shown (null: without end); whether it has expired is read on the day of the reading.
ALTER TABLE case_views.case_view_person ADD COLUMN consent_valid_until DATE;
