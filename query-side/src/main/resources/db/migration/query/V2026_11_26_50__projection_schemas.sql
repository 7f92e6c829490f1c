-- Each projection (a processing group) owns one PostgreSQL schema holding all its tables, so that it can be rebuilt
-- beside the live one in a shadow schema and switched in by renaming schemas. Queries and handlers name tables
-- without a schema: the connections' search_path (spring.datasource.hikari.connection-init-sql) finds them.
-- Tables that are not projections (break_glass_access, the event store, accounts) stay in public.
CREATE SCHEMA case_views;
ALTER TABLE case_view SET SCHEMA case_views;
ALTER TABLE case_view_person SET SCHEMA case_views;
ALTER TABLE case_history_entry SET SCHEMA case_views;
ALTER TABLE work_queue_item SET SCHEMA case_views;
