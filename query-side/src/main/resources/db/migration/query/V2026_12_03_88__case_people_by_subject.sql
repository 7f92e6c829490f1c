-- Finding the cases of people found by their last name (GET /api/cases?name=): the people by subject id.
CREATE INDEX case_view_person_subject ON case_views.case_view_person (subject_id);
