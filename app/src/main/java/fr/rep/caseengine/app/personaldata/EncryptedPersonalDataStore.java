package fr.rep.caseengine.app.personaldata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import fr.rep.caseengine.command.personaldata.PersonalDataEraser;
import fr.rep.caseengine.command.personaldata.PersonalDataRecorder;
import fr.rep.caseengine.command.personaldata.PersonalDetails;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.query.personaldata.PersonalDataReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Envelope encryption with Tink: a person's details are encrypted (AES-256-GCM) under a key of their own, stored
 * wrapped by the master key. The subject id is bound to both ciphertexts as associated data, so rows cannot be swapped
 * between people. {@link #erase} deletes the person's key: their details can never be decrypted again.
 */
@Component
public class EncryptedPersonalDataStore implements PersonalDataRecorder, PersonalDataReader, PersonalDataEraser {

    private static final int BACKFILL_CHUNK = 1_000;

    private final JdbcTemplate jdbc;
    private final WrappingKeys wrappingKeys;
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;
    private final LastNameIndex lastNames;

    EncryptedPersonalDataStore(JdbcTemplate jdbc, WrappingKeys wrappingKeys, Clock clock) {
        this.jdbc = jdbc;
        this.wrappingKeys = wrappingKeys;
        this.clock = clock;
        this.lastNames = LastNameIndex.load(jdbc, this::wrappingKeysForWriting, clock.instant());
    }

    /** Stores or replaces the person's details, with the keyed hash of their last name ({@link LastNameIndex}). */
    @Override
    public void record(SubjectId subject, PersonalDetails details) {
        try {
            Aead key = subjectKey(subject).orElseGet(() -> newSubjectKey(subject));
            byte[] ciphertext = key.encrypt(json.writeValueAsBytes(details), associatedData(subject));
            jdbc.update(
                    """
                    INSERT INTO personal_data (subject_id, ciphertext, updated_at, last_name_hash) VALUES (?, ?, ?, ?)
                    ON CONFLICT (subject_id) DO UPDATE SET ciphertext = EXCLUDED.ciphertext,
                        updated_at = EXCLUDED.updated_at, last_name_hash = EXCLUDED.last_name_hash""",
                    subject.value(),
                    ciphertext,
                    Timestamp.from(clock.instant()),
                    lastNames.hash(details.lastName()).orElse(null));
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot encrypt the personal data of subject " + subject, e);
        }
    }

    /** A person's details, or empty when they were erased or never recorded. */
    public Optional<PersonalDetails> read(SubjectId subject) {
        return Optional.ofNullable(readAll(List.of(subject)).get(subject));
    }

    @Override
    public Map<SubjectId, String> displayNames(Collection<SubjectId> subjects) {
        Map<SubjectId, String> names = new HashMap<>();
        readAll(subjects)
                .forEach((subject, details) -> names.put(
                        subject,
                        details.lastName() == null
                                ? details.firstName()
                                : details.firstName() + " " + details.lastName()));
        return names;
    }

    @Override
    public Set<SubjectId> withLastName(String lastName) {
        return lastNames
                .hash(lastName)
                .map(hash -> jdbc
                        .queryForList(
                                "SELECT subject_id FROM personal_data WHERE last_name_hash = ?", UUID.class, (Object)
                                        hash)
                        .stream()
                        .map(SubjectId::new)
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
    }

    /**
     * Hashes the last names of the people recorded before the hashes existed, once, from their decrypted details;
     * returns how many were hashed. Those erased have no details left, hence nothing to hash.
     */
    int hashLastNamesRecordedBefore() {
        List<UUID> unhashed =
                jdbc.queryForList("SELECT subject_id FROM personal_data WHERE last_name_hash IS NULL", UUID.class);
        int hashed = 0;
        for (int from = 0; from < unhashed.size(); from += BACKFILL_CHUNK) {
            List<SubjectId> chunk = unhashed.subList(from, Math.min(unhashed.size(), from + BACKFILL_CHUNK)).stream()
                    .map(SubjectId::new)
                    .toList();
            List<Object[]> updates = new ArrayList<>();
            readAll(chunk)
                    .forEach((subject, details) -> lastNames
                            .hash(details.lastName())
                            .ifPresent(hash -> updates.add(new Object[] {hash, subject.value()})));
            jdbc.batchUpdate("UPDATE personal_data SET last_name_hash = ? WHERE subject_id = ?", updates);
            hashed += updates.size();
        }
        return hashed;
    }

    private Map<SubjectId, PersonalDetails> readAll(Collection<SubjectId> subjects) {
        UUID[] ids = subjects.stream().map(SubjectId::value).toArray(UUID[]::new);
        Map<SubjectId, PersonalDetails> found = new HashMap<>();
        jdbc.query(
                """
                SELECT k.subject_id, k.wrapped_keyset, d.ciphertext
                FROM personal_data_key k JOIN personal_data d ON d.subject_id = k.subject_id
                WHERE k.subject_id = ANY (?)""",
                rs -> {
                    SubjectId subject = new SubjectId(rs.getObject(1, UUID.class));
                    found.put(subject, decrypt(subject, unwrap(subject, rs.getBytes(2)), rs.getBytes(3)));
                },
                (Object) ids);
        return found;
    }

    private PersonalDetails decrypt(SubjectId subject, Aead key, byte[] ciphertext) {
        try {
            return json.readValue(key.decrypt(ciphertext, associatedData(subject)), PersonalDetails.class);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("The personal data of subject " + subject + " cannot be decrypted", e);
        }
    }

    /**
     * Destroys the person's key and their encrypted details with the hash of their last name. Returns whether there
     * was anything to erase.
     * Note that PostgreSQL may keep dead row versions until vacuum; without the key they stay unreadable.
     */
    @Override
    public boolean erase(SubjectId subject) {
        int keys = jdbc.update("DELETE FROM personal_data_key WHERE subject_id = ?", subject.value());
        jdbc.update("DELETE FROM personal_data WHERE subject_id = ?", subject.value());
        return keys > 0;
    }

    private Optional<Aead> subjectKey(SubjectId subject) {
        List<byte[]> wrapped = jdbc.queryForList(
                "SELECT wrapped_keyset FROM personal_data_key WHERE subject_id = ?", byte[].class, subject.value());
        return wrapped.isEmpty() ? Optional.empty() : Optional.of(unwrap(subject, wrapped.get(0)));
    }

    private Aead unwrap(SubjectId subject, byte[] wrapped) {
        try {
            KeysetHandle keyset = TinkProtoKeysetFormat.parseEncryptedKeyset(
                    wrapped, wrappingKeys.current(), associatedData(subject));
            return keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "The key of subject " + subject + " cannot be unwrapped: is this the "
                            + "master key the data was written with?",
                    e);
        }
    }

    private Aead newSubjectKey(SubjectId subject) {
        try {
            KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            byte[] wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(
                    keyset, wrappingKeysForWriting(), associatedData(subject));
            jdbc.update(
                    "INSERT INTO personal_data_key (subject_id, wrapped_keyset, created_at) VALUES (?, ?, ?)",
                    subject.value(),
                    wrapped,
                    Timestamp.from(clock.instant()));
            return keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create a key for subject " + subject, e);
        }
    }

    /**
     * The wrapping keys to wrap with, read after taking the rotation's barrier in shared mode: a rotation waits, once
     * it wrote its new primary key, for every transaction that may have wrapped with the former one, so that all
     * of them are committed and re-wrapped before it deletes that key ({@link PersonalDataKeyRotation}). A call
     * outside a transaction holds the barrier only for the statement.
     */
    private Aead wrappingKeysForWriting() {
        jdbc.queryForList("SELECT pg_advisory_xact_lock_shared(?)", Object.class, PersonalDataKeyRotation.BARRIER);
        return wrappingKeys.current();
    }

    static byte[] associatedData(SubjectId subject) {
        UUID id = subject.value();
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }
}
