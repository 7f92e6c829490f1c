-- Tamper evidence (docs/audit.md): every stored event's links in two SHA-256 chains, one per aggregate (case) and one
-- for the whole store in commit order. The app computes them when it appends (HashChainedEventStorageEngine), never a
-- trigger: a row written into domain_event_entry by hand stays unsealed, and verification reports it.
-- No foreign key to domain_event_entry: a deleted event must be detectable, not prevented by a constraint one can drop.
CREATE TABLE event_chain (
    store_position   BIGINT       PRIMARY KEY,
    global_index     BIGINT       NOT NULL,
    event_identifier VARCHAR(255) NOT NULL,
    case_link        BYTEA        NOT NULL,
    store_link       BYTEA        NOT NULL,
    CONSTRAINT event_chain_global_index UNIQUE (global_index)
);

-- The store chain's last link, read and moved under a row lock by each appending transaction at commit time, so that
-- store positions follow commit order.
CREATE TABLE event_chain_head (
    singleton      BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    store_position BIGINT  NOT NULL,
    store_link     BYTEA   NOT NULL
);
INSERT INTO event_chain_head (store_position, store_link) VALUES (0, decode(repeat('00', 32), 'hex'));

-- Extends the store chain with rows whose digests and case links the app computed, in one round trip under the head's
-- lock (held until the caller commits): store_link = SHA-256(previous store_link || row digest). Called by the app only;
-- it seals nothing by itself (no trigger), and anyone able to call it could as well compute SHA-256 elsewhere.
CREATE FUNCTION event_chain_extend(global_indexes BIGINT[], event_identifiers VARCHAR[], case_links BYTEA[],
                                   digests BYTEA[]) RETURNS BIGINT LANGUAGE plpgsql AS $$
DECLARE
    position BIGINT;
    link     BYTEA;
BEGIN
    SELECT store_position, store_link INTO position, link FROM event_chain_head FOR UPDATE;
    FOR i IN 1 .. coalesce(array_length(global_indexes, 1), 0) LOOP
        position := position + 1;
        link := sha256(link || digests[i]);
        INSERT INTO event_chain (store_position, global_index, event_identifier, case_link, store_link)
        VALUES (position, global_indexes[i], event_identifiers[i], case_links[i], link);
    END LOOP;
    UPDATE event_chain_head SET store_position = position, store_link = link;
    RETURN position;
END
$$;
