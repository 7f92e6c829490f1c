-- Rotations of the wrapping keys (docs/decisions/0006-wrapping-key-rotation.md): each re-wraps every remaining
-- person's key and the search key under a new key and deletes the older ones from the key file, so that copies of
-- erased people's keys (dead tuples, WAL, backups) can no longer be unwrapped. No key material here: only which key
-- wraps now, which were deleted, and how many erasures of the trail the rotation made final.
CREATE TABLE personal_data_key_rotation (
    rotation_id      UUID        PRIMARY KEY,
    trigger          TEXT        NOT NULL,
    started_at       TIMESTAMPTZ NOT NULL,
    finished_at      TIMESTAMPTZ NOT NULL,
    new_key_id       BIGINT      NOT NULL,
    deleted_key_ids  BIGINT[]    NOT NULL,
    keys_rewrapped   INTEGER     NOT NULL,
    erasures_covered BIGINT      NOT NULL
);
