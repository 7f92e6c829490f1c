-- The personal-data store. Each person's details are encrypted under their own key; the key is stored wrapped by
-- the master key. Deleting a person's key row makes their details unreadable for good (crypto-shredding), while the
-- events, which carry only subject ids, stay intact.
CREATE TABLE personal_data_key (
    subject_id     UUID        PRIMARY KEY,
    wrapped_keyset BYTEA       NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);

CREATE TABLE personal_data (
    subject_id UUID        PRIMARY KEY,
    ciphertext BYTEA       NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
