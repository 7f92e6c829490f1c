-- Accompaniers were free text (a volunteer's or a professional's name) until events carried references instead
-- (docs/decisions/0007). The events keep the names they were stored with, but are read through upcasters that
-- replace them with the placeholder 'recorded-before'; this migration does the same to what the views had already
-- copied, so that no view shows a name recorded before. Every value present now was written from a free-text
-- event: none is a reference yet.

-- References are longer than names were ('account:' + an account name of up to 100 characters).
ALTER TABLE work_queue.work_queue_deadline ALTER COLUMN accompanier TYPE VARCHAR(120);
ALTER TABLE work_queue.work_queue_visit ALTER COLUMN accompanier TYPE VARCHAR(120);
UPDATE work_queue.work_queue_deadline SET accompanier = 'recorded-before' WHERE accompanier IS NOT NULL;
UPDATE work_queue.work_queue_visit SET accompanier = 'recorded-before' WHERE accompanier IS NOT NULL;

-- The history's stored summaries named the accompanier of permits and permit deadlines. The greedy match ends at the
-- last ' for ' (or ' ends on '), the one before the prison (or the date), whatever the name held. The wording is
-- Summaries.RECORDED_BEFORE.
UPDATE case_views.case_history_entry
SET summary = regexp_replace(summary, '^Visiting permit issued to .* for ',
                             'Visiting permit issued to an accompanier recorded by name (not shown) for ')
WHERE event_type = 'VisitingPermitIssued';
UPDATE case_views.case_history_entry
SET summary = regexp_replace(summary, '^Visiting permit of .* for ',
                             'Visiting permit of an accompanier recorded by name (not shown) for ')
WHERE event_type = 'VisitingPermitExpired';
UPDATE case_views.case_history_entry
SET summary = regexp_replace(summary, '^Coming up: the visiting permit of .* ends on ',
                             'Coming up: the visiting permit of an accompanier recorded by name (not shown) ends on ')
WHERE event_type = 'DeadlineApproaching' AND summary LIKE 'Coming up: the visiting permit of %';
