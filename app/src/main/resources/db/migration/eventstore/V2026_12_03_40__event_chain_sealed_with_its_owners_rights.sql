-- The app's own role may append to event_chain but not change a row (docs/security.md, "Database roles"): the sealer
-- gives pending rows their store positions through this function, which runs with its owner's rights and changes
-- nothing but pending rows, in order. A fixed search_path keeps a caller from substituting its own tables.
ALTER FUNCTION event_chain_seal(INTEGER) SECURITY DEFINER SET search_path = public, pg_temp;
