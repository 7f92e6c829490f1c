-- Appends to one case take turns until they commit (docs/audit.md, "Under concurrency"). Axon's per-case lock lives in
-- one JVM and ends with its unit of work, before the command's transaction commits: the next command could append
-- event n + 1 while event n was not committed yet, and case-chain it against a predecessor it could not see.
--
-- Takes a transaction-scoped advisory lock on each of these aggregates (a 64-bit hash of the identifier, computed by
-- the server so that every node agrees; in ascending key order, so that one append never deadlocks another), then
-- returns, for each, the highest sequence number stored: committed, or appended earlier by this same transaction.
-- Each statement of this (volatile) function takes a fresh snapshot, so that number includes what the previous holder
-- of the lock committed while this one waited. The lock is released at commit or rollback, never before.
-- Two hashes that collide only make two cases take turns.
CREATE FUNCTION event_append_lock(aggregate_identifiers VARCHAR[])
    RETURNS TABLE (aggregate VARCHAR, last_sequence_number BIGINT) LANGUAGE plpgsql AS $$
DECLARE
    lock_key BIGINT;
BEGIN
    FOR lock_key IN SELECT DISTINCT hashtextextended(a.id, 0) FROM unnest(aggregate_identifiers) AS a(id) ORDER BY 1
    LOOP
        PERFORM pg_advisory_xact_lock(lock_key);
    END LOOP;
    RETURN QUERY
        SELECT a.id, (SELECT max(e.sequence_number) FROM domain_event_entry e WHERE e.aggregate_identifier = a.id)
        FROM unnest(aggregate_identifiers) AS a(id);
END
$$;
