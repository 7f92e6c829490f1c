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
