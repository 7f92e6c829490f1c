package fr.rep.caseengine.app.personaldata;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import fr.rep.caseengine.events.SubjectId;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rotates the wrapping keys so that an erasure holds against copies of the database: a new primary key is added to
 * the key file, every remaining person's key and the last-name search key are re-wrapped by it, then every older
 * key is deleted from the file. A deleted key row left in dead tuples, in the WAL or in a backup taken before was
 * wrapped by one of those older keys, which no longer exists anywhere the app keeps keys.
 * <p>
 * Safe against the app's own writers and other nodes: once the new primary is written, the rotation takes the
 * {@link #BARRIER} advisory lock exclusively, which waits for every transaction that took it in shared mode to wrap
 * (and may have wrapped with the former primary) to end; after it, writers read the new file. The rows are then
 * re-wrapped page by page, and the older keys deleted only when no row is left that they wrapped. One rotation at a
 * time across nodes ({@link #MUTEX}); a rotation that stops half way leaves the older keys in the file, and the next
 * one finishes the work.
 */
@Component
public class PersonalDataKeyRotation {

    /** Taken in shared mode by every transaction that wraps a key, exclusively by a rotation once (see above). */
    static final long BARRIER = 0x5245_5050_4b45_5901L;

    static final long MUTEX = 0x5245_5050_4b45_5902L;
    static final String SCHEDULE = "system:key-rotation";

    private static final Logger LOG = LoggerFactory.getLogger(PersonalDataKeyRotation.class);
    private static final int PAGE = 500;
    private static final UUID FIRST = new UUID(0, 0);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final WrappingKeys keys;
    private final Clock clock;

    PersonalDataKeyRotation(JdbcTemplate jdbc, TransactionTemplate transaction, WrappingKeys keys, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * What a rotation did.
     *
     * @param newKeyId        the id of the wrapping key that wraps every key now (Tink's key id, unsigned)
     * @param deletedKeyIds   the wrapping keys deleted from the key file
     * @param keysRewrapped   people's keys wrapped anew (the search key aside)
     * @param erasuresCovered erasures in the trail when it started: each of them is final against older copies
     */
    public record Rotation(
            UUID rotationId,
            String trigger,
            Instant startedAt,
            Instant finishedAt,
            long newKeyId,
            List<Long> deletedKeyIds,
            int keysRewrapped,
            long erasuresCovered) {}

    /** Thrown when another rotation, on this node or another, holds the rotation's lock. */
    public static final class AlreadyRotating extends RuntimeException {
        AlreadyRotating() {
            super("A rotation of the personal-data wrapping keys is already running");
        }
    }

    /** Rotates now; {@code trigger} is the account or system actor that asked. */
    public Rotation rotate(String trigger) {
        return exclusively(() -> rotateNow(trigger));
    }

    /**
     * Rotates when an erasure was recorded since the last rotation started (the scheduled run): without one, older
     * copies hold no one who is erased now, and a database backup stays readable with the current key file.
     */
    public Optional<Rotation> rotateIfErasedSince(String trigger) {
        return exclusively(() -> erasures() > covered() ? Optional.of(rotateNow(trigger)) : Optional.empty());
    }

    private <T> T exclusively(java.util.function.Supplier<T> work) {
        return jdbc.execute((ConnectionCallback<T>) connection -> {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                lock.setLong(1, MUTEX);
                try (ResultSet locked = lock.executeQuery()) {
                    if (!locked.next() || !locked.getBoolean(1)) {
                        throw new AlreadyRotating();
                    }
                }
            }
            try {
                return work.get();
            } finally {
                try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    unlock.setLong(1, MUTEX);
                    unlock.execute();
                }
            }
        });
    }

    private Rotation rotateNow(String trigger) {
        Instant startedAt = clock.instant();
        long erasuresCovered = erasures();
        try {
            int primary = keys.addPrimary();
            transaction.executeWithoutResult(
                    status -> jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", Object.class, BARRIER));
            int rewrapped = 0;
            for (int pass = 0; pass < 3 && wrappedByOthers(primary) > 0; pass++) {
                rewrapped += rewrapPeople(primary);
                rewrapSearchKey(primary);
            }
            long left = wrappedByOthers(primary);
            if (left > 0) {
                throw new IllegalStateException(left + " keys are still wrapped by an older wrapping key; the older "
                        + "keys are kept, the next rotation tries again");
            }
            List<Long> deleted =
                    keys.keepOnly(primary).stream().map(Integer::toUnsignedLong).toList();
            Rotation rotation = new Rotation(
                    UUID.randomUUID(),
                    trigger,
                    startedAt,
                    clock.instant(),
                    Integer.toUnsignedLong(primary),
                    deleted,
                    rewrapped,
                    erasuresCovered);
            jdbc.update(
                    """
                    INSERT INTO personal_data_key_rotation (rotation_id, trigger, started_at, finished_at, new_key_id,
                        deleted_key_ids, keys_rewrapped, erasures_covered) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                    rotation.rotationId(),
                    trigger,
                    Timestamp.from(startedAt),
                    Timestamp.from(rotation.finishedAt()),
                    rotation.newKeyId(),
                    deleted.toArray(Long[]::new),
                    rewrapped,
                    erasuresCovered);
            LOG.info(
                    "Personal-data wrapping keys rotated ({}): new key {}, keys {} deleted from {}, {} people's keys "
                            + "re-wrapped; the {} erasures recorded before {} are final against older copies",
                    trigger,
                    rotation.newKeyId(),
                    deleted,
                    keys.file(),
                    rewrapped,
                    erasuresCovered,
                    startedAt);
            return rotation;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot rotate the personal-data wrapping keys: " + e.getMessage(), e);
        }
    }

    private int rewrapPeople(int primary) {
        int rewrapped = 0;
        UUID after = FIRST;
        while (true) {
            UUID from = after;
            List<Map<String, Object>> page = jdbc.queryForList("""
                    SELECT subject_id, wrapped_keyset FROM personal_data_key WHERE subject_id > ?
                    ORDER BY subject_id LIMIT ?""", from, PAGE);
            if (page.isEmpty()) {
                return rewrapped;
            }
            Aead wrapping = keys.current();
            List<Object[]> updates = new ArrayList<>();
            for (Map<String, Object> row : page) {
                UUID subject = (UUID) row.get("subject_id");
                byte[] wrapped = (byte[]) row.get("wrapped_keyset");
                if (WrappingKeys.wrappedBy(wrapped) != primary) {
                    updates.add(new Object[] {rewrap(wrapped, wrapping, new SubjectId(subject)), subject, wrapped});
                }
            }
            after = (UUID) page.get(page.size() - 1).get("subject_id");
            if (updates.isEmpty()) {
                continue;
            }
            // Compared with the bytes read: a key erased or replaced meanwhile is left as it now is.
            int[][] counts = jdbc.batchUpdate(
                    "UPDATE personal_data_key SET wrapped_keyset = ? WHERE subject_id = ? AND wrapped_keyset = ?",
                    updates,
                    updates.size(),
                    (statement, update) -> {
                        statement.setBytes(1, (byte[]) update[0]);
                        statement.setObject(2, update[1]);
                        statement.setBytes(3, (byte[]) update[2]);
                    });
            for (int[] batch : counts) {
                for (int count : batch) {
                    rewrapped += Math.max(count, 0);
                }
            }
        }
    }

    private void rewrapSearchKey(int primary) throws GeneralSecurityException {
        Optional<byte[]> wrapped = LastNameIndex.wrappedKey(jdbc);
        if (wrapped.isPresent() && WrappingKeys.wrappedBy(wrapped.get()) != primary) {
            jdbc.update(
                    "UPDATE personal_data_search_key SET wrapped_keyset = ? WHERE id = 1 AND wrapped_keyset = ?",
                    LastNameIndex.rewrapped(wrapped.get(), keys.current()),
                    wrapped.get());
        }
    }

    private static byte[] rewrap(byte[] wrapped, Aead wrapping, SubjectId subject) {
        byte[] associatedData = EncryptedPersonalDataStore.associatedData(subject);
        try {
            return TinkProtoKeysetFormat.serializeEncryptedKeyset(
                    TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, wrapping, associatedData),
                    wrapping,
                    associatedData);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "The key of subject " + subject + " cannot be re-wrapped: it is wrapped "
                            + "by key " + Integer.toUnsignedString(WrappingKeys.wrappedBy(wrapped)) + ", not in "
                            + "the key file",
                    e);
        }
    }

    /** Keys (people's and the search key) wrapped by another key than {@code primary}. */
    private long wrappedByOthers(int primary) {
        long[] others = {0};
        jdbc.query(
                "SELECT wrapped_keyset FROM personal_data_key UNION ALL SELECT wrapped_keyset FROM "
                        + "personal_data_search_key",
                row -> {
                    if (WrappingKeys.wrappedBy(row.getBytes(1)) != primary) {
                        others[0]++;
                    }
                });
        return others[0];
    }

    private long erasures() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM personal_data_erasure", Long.class);
        return count == null ? 0 : count;
    }

    private long covered() {
        Long covered = jdbc.queryForObject(
                "SELECT coalesce(max(erasures_covered), 0) FROM personal_data_key_rotation", Long.class);
        return covered == null ? 0 : covered;
    }
}
