-- The erasure trail: one row per PersonalDataErased, written in the transaction that stored the event and destroyed
-- the key. Append-only: auditors must be able to trust it. Holds subject ids, never a name.
CREATE TABLE personal_data_erasure (
    event_id      VARCHAR(100)             PRIMARY KEY,
    case_id       UUID                     NOT NULL,
    subject_id    UUID                     NOT NULL,
    reason        VARCHAR(40)              NOT NULL,
    actor         VARCHAR(100)             NOT NULL,
    trace_id      VARCHAR(100),
    erased_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    key_destroyed BOOLEAN                  NOT NULL
);
CREATE INDEX personal_data_erasure_case ON personal_data_erasure (case_id);
CREATE INDEX personal_data_erasure_time ON personal_data_erasure (erased_at DESC);

CREATE FUNCTION personal_data_erasure_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'personal_data_erasure is append-only';
END;
$$;
CREATE TRIGGER personal_data_erasure_append_only BEFORE UPDATE OR DELETE ON personal_data_erasure
    FOR EACH ROW EXECUTE FUNCTION personal_data_erasure_append_only();

-- When each closed or declined case ended, kept by the subscribing "ended-cases" processor; erased_at is set by the
-- retention policy once it erased the case's people.
CREATE TABLE ended_case (
    case_id   UUID PRIMARY KEY,
    ended_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    erased_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ended_case_due ON ended_case (ended_at) WHERE erased_at IS NULL;

-- Cases that ended before this migration: the last closing, declining or reopening of each case decides.
INSERT INTO ended_case (case_id, ended_at)
SELECT last.aggregate_identifier::uuid, (convert_from(last.payload, 'UTF8')::jsonb ->> 'occurredAt')::timestamptz
FROM (SELECT DISTINCT ON (aggregate_identifier) aggregate_identifier, payload_type, payload
      FROM domain_event_entry
      WHERE payload_type IN ('fr.rep.caseengine.events.familycase.InterventionClosed',
                             'fr.rep.caseengine.events.familycase.RequestDeclined',
                             'fr.rep.caseengine.events.familycase.CaseReopened')
      ORDER BY aggregate_identifier, sequence_number DESC) last
WHERE last.payload_type <> 'fr.rep.caseengine.events.familycase.CaseReopened';

-- Each run of the retention policy and the cases it erased.
CREATE TABLE retention_run (
    run_id        UUID PRIMARY KEY,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at   TIMESTAMP WITH TIME ZONE,
    after_closing VARCHAR(20)              NOT NULL,
    cutoff        TIMESTAMP WITH TIME ZONE NOT NULL,
    cases_erased  INT,
    people_erased INT,
    failures      INT
);
CREATE INDEX retention_run_time ON retention_run (started_at DESC);

CREATE TABLE retention_run_case (
    run_id        UUID NOT NULL REFERENCES retention_run (run_id),
    case_id       UUID NOT NULL,
    people_erased INT  NOT NULL,
    PRIMARY KEY (run_id, case_id)
);
