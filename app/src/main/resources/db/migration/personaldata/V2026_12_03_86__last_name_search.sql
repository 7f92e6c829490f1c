-- Finding a family by a last name without storing names: beside each person's encrypted record, an HMAC-SHA-256 of
-- their normalised last name (NULL without one) under the service's search key, itself stored wrapped by the
-- personal-data master key like every person's key (docs/decisions/0005-french-words-and-name-search.md). The hash
-- goes with the record: erasing a person deletes it in the same transaction.
CREATE TABLE personal_data_search_key (
    id             SMALLINT    PRIMARY KEY CHECK (id = 1),
    wrapped_keyset BYTEA       NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);

ALTER TABLE personal_data ADD COLUMN last_name_hash BYTEA;
CREATE INDEX personal_data_last_name_hash ON personal_data (last_name_hash) WHERE last_name_hash IS NOT NULL;
