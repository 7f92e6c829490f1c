-- The store chain is sealed after commit (docs/audit.md, "Tamper evidence"). The appending transaction writes only its
-- rows' case links, with their row digests and without a store position: such a row is pending. One sealer at a time
-- (the head's row lock) then gives committed pending rows, in global_index order, the next store positions and their
-- store links, and moves the head. Appending transactions no longer wait for each other at commit.
-- Rows sealed before this migration keep their positions and links (their digest stays NULL: it is recomputed from the
-- row by verification anyway).
ALTER TABLE event_chain DROP CONSTRAINT event_chain_pkey;
ALTER TABLE event_chain ALTER COLUMN store_position DROP NOT NULL;
ALTER TABLE event_chain ALTER COLUMN store_link DROP NOT NULL;
ALTER TABLE event_chain ADD COLUMN digest BYTEA;
-- Unique among sealed rows (pending rows have none, and NULLs are distinct).
ALTER TABLE event_chain ADD CONSTRAINT event_chain_store_position UNIQUE (store_position);
ALTER TABLE event_chain ADD CONSTRAINT event_chain_sealed_with_link
    CHECK ((store_position IS NULL) = (store_link IS NULL));
-- A pending row carries the digest the sealer chains; without it the sealer could not extend the chain.
ALTER TABLE event_chain ADD CONSTRAINT event_chain_pending_with_digest
    CHECK (store_position IS NOT NULL OR digest IS NOT NULL);
CREATE INDEX event_chain_pending ON event_chain (global_index) WHERE store_position IS NULL;

-- Extends the store chain by up to batch_size pending rows, in global_index order, under the head's row lock (so that
-- two nodes on one database never seal at once): store_link = SHA-256(previous store_link || row digest). Returns how
-- many rows it sealed. Called by the app's sealer in a short transaction of its own; each statement of this (volatile)
-- function sees the rows committed before it started, so rows sealed by a sealer that held the lock before are not
-- pending any more.
CREATE FUNCTION event_chain_seal(batch_size INTEGER) RETURNS INTEGER LANGUAGE plpgsql AS $$
DECLARE
    position BIGINT;
    link     BYTEA;
    pending  RECORD;
    sealed   INTEGER := 0;
BEGIN
    SELECT store_position, store_link INTO position, link FROM event_chain_head FOR UPDATE;
    FOR pending IN SELECT global_index, digest FROM event_chain WHERE store_position IS NULL
                   ORDER BY global_index LIMIT batch_size LOOP
        position := position + 1;
        link := sha256(link || pending.digest);
        UPDATE event_chain SET store_position = position, store_link = link
        WHERE global_index = pending.global_index;
        sealed := sealed + 1;
    END LOOP;
    IF sealed > 0 THEN
        UPDATE event_chain_head SET store_position = position, store_link = link;
    END IF;
    RETURN sealed;
END
$$;

-- Kept for the migration sealing events stored before the chain existed (2026.11.26.56), which seals rows that have no
-- link at all in one go; it now keeps their digests too. The app's appends no longer call it.
CREATE OR REPLACE FUNCTION event_chain_extend(global_indexes BIGINT[], event_identifiers VARCHAR[], case_links BYTEA[],
                                              digests BYTEA[]) RETURNS BIGINT LANGUAGE plpgsql AS $$
DECLARE
    position BIGINT;
    link     BYTEA;
BEGIN
    SELECT store_position, store_link INTO position, link FROM event_chain_head FOR UPDATE;
    FOR i IN 1 .. coalesce(array_length(global_indexes, 1), 0) LOOP
        position := position + 1;
        link := sha256(link || digests[i]);
        INSERT INTO event_chain (store_position, global_index, event_identifier, case_link, store_link, digest)
        VALUES (position, global_indexes[i], event_identifiers[i], case_links[i], link, digests[i]);
    END LOOP;
    UPDATE event_chain_head SET store_position = position, store_link = link;
    RETURN position;
END
$$;
