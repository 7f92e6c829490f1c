package fr.rep.caseengine.app.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import fr.rep.caseengine.app.CaseApi;
import fr.rep.caseengine.app.EmbeddedDatabaseTest;
import fr.rep.caseengine.app.security.AccountStore;
import fr.rep.caseengine.command.personaldata.PersonalDetails;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.staff.Role;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.Environment;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What someone holding the database's data directory learns of an erased person: PostgreSQL keeps the deleted key
 * row in dead tuples and in the write-ahead log, so erasure is final only once no key the app still has can unwrap
 * those copies. The test reads the raw files as such a person would, and tries every wrapped key it finds there with
 * every key of the app's key file.
 */
class ErasureOnDiskIT extends EmbeddedDatabaseTest {

    static final String ADMINISTRATOR = "rotation.admin";

    @Autowired
    EncryptedPersonalDataStore store;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestRestTemplate http;

    @Autowired
    AccountStore accounts;

    @Autowired
    Environment environment;

    @Autowired
    PersonalDataKeyRotation rotation;

    @Test
    void once_the_wrapping_key_rotated_no_copy_of_an_erased_persons_key_on_disk_can_be_unwrapped() throws Exception {
        SubjectId erased = SubjectId.random();
        SubjectId kept = SubjectId.random();
        store.record(
                erased,
                new PersonalDetails(
                        "Anne",
                        "Vandamme",
                        "3 rue des Tilleuls, Amiens",
                        "06 11 22 33 44",
                        "seen at the Amiens visiting room"));
        store.record(kept, new PersonalDetails("Lina", "Carpentier", null, "06 55 66 77 88", null));
        byte[] erasedKeyAsStored = jdbc.queryForObject(
                "SELECT wrapped_keyset FROM personal_data_key WHERE subject_id = ?", byte[].class, erased.value());

        assertThat(store.erase(erased)).isTrue();
        owner().execute("VACUUM personal_data_key");
        owner().execute("VACUUM personal_data");
        CaseApi.ensureAccount(accounts, ADMINISTRATOR, Set.of(Role.ADMINISTRATOR), null);
        ResponseEntity<String> rotation =
                new CaseApi(http, ADMINISTRATOR).post("/api/personal-data/key-rotations", "{}", Map.of());
        owner().execute("CHECKPOINT");

        Path database = Path.of(owner().queryForObject("SHOW data_directory", String.class));
        List<byte[]> wrappedKeys = new ArrayList<>();
        int filesHoldingTheErasedKey = 0;
        for (Path file : rawFiles(database)) {
            byte[] bytes = read(file);
            wrappedKeys.addAll(wrappedKeysets(bytes));
            filesHoldingTheErasedKey += indexOf(bytes, erasedKeyAsStored) >= 0 ? 1 : 0;
        }
        Aead everyKeyTheAppHas = keysOfTheApp();

        assertThat(filesHoldingTheErasedKey)
                .as("the deleted key row is still in the table files or the WAL")
                .isPositive();
        assertThat(wrappedKeys.stream()
                        .filter(candidate -> Arrays.equals(candidate, erasedKeyAsStored))
                        .count())
                .as("copies of the erased person's key as stored that the scan finds on disk")
                .isPositive();
        assertThat(wrappedKeys.stream()
                        .filter(candidate -> unwraps(candidate, everyKeyTheAppHas, erased))
                        .count())
                .as("copies of the erased person's key on disk that a key the app still has unwraps")
                .isZero();
        assertThat(wrappedKeys.stream()
                        .filter(candidate -> unwraps(candidate, everyKeyTheAppHas, kept))
                        .count())
                .as("copies of the key of the person not erased that still unwrap")
                .isPositive();
        assertThat(store.read(kept)).hasValueSatisfying(details -> {
            assertThat(details.lastName()).isEqualTo("Carpentier");
            assertThat(details.phone()).isEqualTo("06 55 66 77 88");
        });
        assertThat(store.withLastName("carpentier")).contains(kept);
        assertThat(rotation.getStatusCode().value()).as(rotation.getBody()).isEqualTo(200);
    }

    @Test
    void the_scheduled_rotation_runs_after_an_erasure_only_and_leaves_one_key_in_the_file() throws Exception {
        rotation.rotateIfErasedSince(PersonalDataKeyRotation.SCHEDULE);
        assertThat(rotation.rotateIfErasedSince(PersonalDataKeyRotation.SCHEDULE))
                .as("no erasure since the last rotation")
                .isEmpty();
        CaseApi caseworker = CaseApi.caseworker(http, accounts);
        CaseApi.ensureAccount(accounts, ADMINISTRATOR, Set.of(Role.ADMINISTRATOR), null);
        var opened = caseworker.openCase();
        String caseId = opened.read("$.caseId");
        String mother = opened.read("$.parties.mother");
        String father = opened.read("$.detainedParent");
        ResponseEntity<String> erased = new CaseApi(http, ADMINISTRATOR)
                .post(
                        "/api/cases/" + caseId + "/erasures",
                        "{\"subject\": \"%s\", \"reason\": \"REQUEST_OF_THE_PERSON\"}".formatted(mother),
                        Map.of());
        assertThat(erased.getStatusCode().value()).as(erased.getBody()).isEqualTo(200);

        Optional<PersonalDataKeyRotation.Rotation> rotated =
                rotation.rotateIfErasedSince(PersonalDataKeyRotation.SCHEDULE);

        assertThat(rotated).hasValueSatisfying(done -> {
            assertThat(done.deletedKeyIds()).isNotEmpty().doesNotContain(done.newKeyId());
            assertThat(done.keysRewrapped()).isPositive();
        });
        assertThat(keyIdsInTheFile()).containsExactly(rotated.get().newKeyId());
        assertThat(store.read(SubjectId.of(father)))
                .hasValueSatisfying(details -> assertThat(details.lastName()).isEqualTo("Dupont"));
        assertThat(store.read(SubjectId.of(mother))).isEmpty();
        assertThat(rotation.rotateIfErasedSince(PersonalDataKeyRotation.SCHEDULE))
                .isEmpty();
        ResponseEntity<String> listed = new CaseApi(http, ADMINISTRATOR).get("/api/personal-data/key-rotations");
        assertThat(listed.getStatusCode().value()).isEqualTo(200);
        assertThat(CaseApi.json(listed)
                        .read(
                                "$.rotations[?(@.rotationId == '"
                                        + rotated.get().rotationId() + "')].deletedKeyIds[0]",
                                List.class))
                .extracting(id -> ((Number) id).longValue())
                .containsExactly(rotated.get().deletedKeyIds().get(0));
    }

    private List<Long> keyIdsInTheFile() throws IOException, GeneralSecurityException {
        Path file = Path.of(environment.getRequiredProperty("rep.personal-data.master-key-file"));
        KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseKeyset(
                Files.readString(file, StandardCharsets.UTF_8), InsecureSecretKeyAccess.get());
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < keyset.size(); i++) {
            ids.add(Integer.toUnsignedLong(keyset.getAt(i).getId()));
        }
        return ids;
    }

    /** Every file of the data directory: table files, the WAL, the rest. */
    private static List<Path> rawFiles(Path dataDirectory) throws IOException {
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException vanished) {
            // A temporary file of the server's, gone between listing and reading.
            return new byte[0];
        }
    }

    /**
     * Every byte run shaped like a Tink encrypted keyset as the store writes it: field 2 (the encrypted keyset, 0x12),
     * its length, then Tink's prefix byte 0x01 and the id of the key that wrapped it.
     */
    private static List<byte[]> wrappedKeysets(byte[] bytes) {
        List<byte[]> found = new ArrayList<>();
        for (int at = 0; at < bytes.length - 8; at++) {
            if (bytes[at] != 0x12) {
                continue;
            }
            int length = 0;
            int shift = 0;
            int cursor = at + 1;
            while (cursor < bytes.length && shift < 21) {
                int next = bytes[cursor++] & 0xff;
                length |= (next & 0x7f) << shift;
                shift += 7;
                if ((next & 0x80) == 0) {
                    break;
                }
            }
            if (length < 40 || length > 1_000 || cursor + length > bytes.length || bytes[cursor] != 0x01) {
                continue;
            }
            found.add(Arrays.copyOfRange(bytes, at, cursor + length));
        }
        return found;
    }

    private static boolean unwraps(byte[] candidate, Aead keys, SubjectId subject) {
        try {
            TinkProtoKeysetFormat.parseEncryptedKeyset(candidate, keys, associatedData(subject));
            return true;
        } catch (GeneralSecurityException | RuntimeException notThisKey) {
            return false;
        }
    }

    /** Every key in the app's key file, as whoever copies it would use them. */
    private Aead keysOfTheApp() throws IOException, GeneralSecurityException {
        AeadConfig.register();
        Path file = Path.of(environment.getRequiredProperty("rep.personal-data.master-key-file"));
        KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseKeyset(
                Files.readString(file, StandardCharsets.UTF_8), InsecureSecretKeyAccess.get());
        return keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    private static byte[] associatedData(SubjectId subject) {
        UUID id = subject.value();
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int at = 0; at <= haystack.length - needle.length; at++) {
            for (int i = 0; i < needle.length; i++) {
                if (haystack[at + i] != needle[i]) {
                    continue outer;
                }
            }
            return at;
        }
        return -1;
    }
}
