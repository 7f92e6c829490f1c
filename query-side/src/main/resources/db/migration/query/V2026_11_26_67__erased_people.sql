-- When a person of the case was erased: the detail then shows them as erased, without a name, keeping the facts.
ALTER TABLE case_views.case_view_person ADD COLUMN erased_at TIMESTAMP WITH TIME ZONE;
