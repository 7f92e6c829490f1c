-- The prison-wide suspensions of visits, kept in the command's own transaction by the subscribing "suspended-prisons"
-- processor: a case refuses a visit in prison that a suspension covers. A lifting ends the suspension at its date.
CREATE TABLE prison_visit_suspension (
    suspension_id UUID PRIMARY KEY,
    prison        VARCHAR(32)              NOT NULL,
    starts_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    reason        VARCHAR(32)              NOT NULL,
    lifted_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX prison_visit_suspension_prison ON prison_visit_suspension (prison, starts_at);

-- Suspensions recorded before this migration, with their liftings.
INSERT INTO prison_visit_suspension (suspension_id, prison, starts_at, ends_at, reason)
SELECT aggregate_identifier::uuid, payload ->> 'prison', (payload ->> 'from')::timestamptz,
       (payload ->> 'until')::timestamptz, payload ->> 'reason'
FROM (SELECT aggregate_identifier, convert_from(payload, 'UTF8')::jsonb AS payload
      FROM domain_event_entry
      WHERE payload_type = 'fr.rep.caseengine.events.prison.PrisonVisitsSuspended') suspended;

UPDATE prison_visit_suspension s
SET lifted_at = (convert_from(e.payload, 'UTF8')::jsonb ->> 'occurredAt')::timestamptz
FROM domain_event_entry e
WHERE e.payload_type = 'fr.rep.caseengine.events.prison.PrisonVisitSuspensionLifted'
  AND e.aggregate_identifier::uuid = s.suspension_id;
