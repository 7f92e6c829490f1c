-- Why an entry was made: the reason an event states (decline, closing, visit cancellation, correction) and, for a
-- correction, the entry it voids. Both belong to the case history, in the case_views projection's schema.
ALTER TABLE case_views.case_history_entry ADD COLUMN reason VARCHAR(64);
ALTER TABLE case_views.case_history_entry ADD COLUMN corrects VARCHAR(64);
CREATE INDEX case_history_entry_case_occurred ON case_views.case_history_entry (case_id, occurred_at);

-- Entries written before these columns existed get them from their stored payloads, where the event store is in the
-- same database (always, except in the query side's own projection tests).
DO $$
BEGIN
    IF to_regclass('public.domain_event_entry') IS NOT NULL THEN
        UPDATE case_views.case_history_entry h
        SET reason = convert_from(e.payload, 'UTF8')::jsonb ->> 'reason',
            corrects = convert_from(e.payload, 'UTF8')::jsonb ->> 'correctedEventId'
        FROM public.domain_event_entry e
        WHERE e.event_identifier = h.event_id
          AND h.event_type IN ('RequestDeclined', 'InterventionClosed', 'VisitCancelled', 'EntryCorrected');
    END IF;
END $$;
