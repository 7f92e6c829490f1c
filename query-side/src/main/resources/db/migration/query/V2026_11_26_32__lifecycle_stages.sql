-- The lifecycle now tells closed-setting support from open-setting support.
UPDATE case_view SET stage = 'CLOSED_SETTING' WHERE stage = 'SUPPORT';
ALTER TABLE case_history_entry ADD COLUMN corrected_by VARCHAR(64);
