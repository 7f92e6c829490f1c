package fr.rep.caseengine.app.personaldata;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.proto.EncryptedKeyset;
import com.google.protobuf.ExtensionRegistryLite;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The versioned key-encryption keys that wrap every person's key and the last-name search key: a Tink keyset in a
 * file outside the database ({@code rep.personal-data.master-key-file}). New wraps use the keyset's primary key;
 * unwrapping picks the key by the id Tink prefixes to every wrapped key, so the rows themselves say which version
 * wrapped them ({@link #wrappedBy}). A rotation adds a new primary, re-wraps the rows, then deletes the older keys
 * from the file: every copy wrapped by them (dead tuples, WAL, backups) can no longer be unwrapped.
 * <p>
 * Several nodes share the file (one volume mounted by each, docs/decisions/0006): each node re-reads it whenever it
 * changed, before wrapping, so that no node goes on wrapping with a key that a rotation is about to delete.
 */
final class WrappingKeys {

    static final Path DEFAULT_FILE = Path.of("data", "keys", "personal-data-master-key.json");
    /** Where versions up to 2026-12-03 created the key by default, beside the database's directory. */
    static final Path FORMER_DEFAULT_FILE = Path.of("data", "personal-data-master-key.json");

    private static final Logger LOG = LoggerFactory.getLogger(WrappingKeys.class);

    private final Path file;
    private Loaded loaded;

    private record Loaded(Object fileKey, long modified, long size, KeysetHandle keyset, Aead aead) {}

    private WrappingKeys(Path file) {
        this.file = file.toAbsolutePath();
    }

    /**
     * The keys in {@code file}, created on first start. Refuses to create a new key when the database already holds
     * keys wrapped by one (a lost or misplaced file would otherwise make every name unreadable), and moves the file
     * from its former default location when the default is in use.
     */
    static WrappingKeys open(Path file, JdbcTemplate jdbc, Optional<Path> localDatabase) {
        try {
            AeadConfig.register();
            refuseInsideTheDatabase(file, jdbc, localDatabase);
            if (!Files.exists(file) && file.normalize().equals(DEFAULT_FILE)) {
                moveFrom(FORMER_DEFAULT_FILE, file);
            }
            if (!Files.exists(file)) {
                Integer wrapped = jdbc.queryForObject("SELECT count(*) FROM personal_data_key", Integer.class);
                if (wrapped != null && wrapped > 0) {
                    throw new IllegalStateException("No personal-data master key at " + file.toAbsolutePath()
                            + ", but the database holds " + wrapped + " keys wrapped by one: restore the key file "
                            + "there or set rep.personal-data.master-key-file to where it is (versions up to "
                            + "2026-12-03 kept it in " + FORMER_DEFAULT_FILE + "). A new key would make every "
                            + "name unreadable.");
                }
                create(file);
            }
            WrappingKeys keys = new WrappingKeys(file);
            keys.current();
            return keys;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Cannot load the personal-data master key from " + file.toAbsolutePath() + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * Refuses a key file inside the database's own data directory, where any copy or file-level backup of the
     * database would carry the key that unwraps it. The embedded database's directory is known to the app; an
     * external database says where its directory is when the app may read it (a superuser or a member of
     * pg_read_all_settings); when it does not, the directory is on another machine or out of the app's reach, and
     * there is nothing to compare.
     */
    static void refuseInsideTheDatabase(Path file, JdbcTemplate jdbc, Optional<Path> localDatabase) throws IOException {
        Optional<Path> directory = localDatabase.or(() -> jdbc
                .queryForList(
                        "SELECT setting FROM pg_settings WHERE name = 'data_directory' AND setting IS NOT NULL",
                        String.class)
                .stream()
                .filter(setting -> !setting.isBlank())
                .findFirst()
                .map(Path::of));
        if (directory.isEmpty()) {
            return;
        }
        Path database = canonical(directory.get());
        Path key = canonical(file);
        if (key.startsWith(database)) {
            throw new IllegalStateException("The personal-data master key file " + key + " is inside the database's "
                    + "data directory " + database + ": a copy or backup of the database would carry the key that "
                    + "unwraps every person's key, erased people's included. Move the file outside it (the default "
                    + "is " + DEFAULT_FILE + ") and set rep.personal-data.master-key-file to its new place.");
        }
    }

    /** The real path of the nearest existing ancestor, with the rest of {@code path} below it. */
    private static Path canonical(Path path) throws IOException {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing == null ? absolute : existing.toRealPath().resolve(existing.relativize(absolute));
    }

    Path file() {
        return file;
    }

    /** The keyset as the file holds it now: wraps with its primary, unwraps with any of its keys. */
    synchronized Aead current() {
        return loaded().aead();
    }

    synchronized int primaryKeyId() {
        return loaded().keyset().getPrimary().getId();
    }

    synchronized List<Integer> keyIds() {
        KeysetHandle keyset = loaded().keyset();
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < keyset.size(); i++) {
            ids.add(keyset.getAt(i).getId());
        }
        return ids;
    }

    /** Adds a new key and makes it the primary; the older keys stay to unwrap until {@link #keepOnly}. */
    synchronized int addPrimary() throws GeneralSecurityException, IOException {
        KeysetHandle rotated = KeysetHandle.newBuilder(loaded().keyset())
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                        .withRandomId()
                        .makePrimary())
                .build();
        write(rotated);
        return rotated.getPrimary().getId();
    }

    /** Deletes every key but {@code primary} from the file; returns the ids deleted. */
    synchronized List<Integer> keepOnly(int primary) throws GeneralSecurityException, IOException {
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(loaded().keyset());
        List<Integer> deleted = new ArrayList<>();
        for (int i = builder.size() - 1; i >= 0; i--) {
            KeysetHandle.Builder.Entry entry = builder.getAt(i);
            if (!entry.isPrimary()) {
                deleted.add(loaded().keyset().getAt(i).getId());
                builder.deleteAt(i);
            }
        }
        KeysetHandle kept = builder.build();
        if (kept.getPrimary().getId() != primary) {
            throw new IllegalStateException("The key file's primary key changed during the rotation: another rotation "
                    + "ran against the same file");
        }
        write(kept);
        return deleted;
    }

    /** The id of the key that wrapped {@code wrapped} (Tink's prefix: a version byte, then the key id). */
    static int wrappedBy(byte[] wrapped) {
        try {
            byte[] ciphertext = EncryptedKeyset.parseFrom(wrapped, ExtensionRegistryLite.getEmptyRegistry())
                    .getEncryptedKeyset()
                    .toByteArray();
            return ciphertext.length < 5 ? 0 : ByteBuffer.wrap(ciphertext, 1, 4).getInt();
        } catch (InvalidProtocolBufferException e) {
            return 0;
        }
    }

    private Loaded loaded() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (loaded == null
                    || !Objects.equals(loaded.fileKey(), attributes.fileKey())
                    || loaded.modified() != attributes.lastModifiedTime().toMillis()
                    || loaded.size() != attributes.size()) {
                KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseKeyset(
                        Files.readString(file, StandardCharsets.UTF_8), InsecureSecretKeyAccess.get());
                for (int i = 0; i < keyset.size(); i++) {
                    if (keyset.getAt(i).getStatus() != KeyStatus.ENABLED) {
                        throw new GeneralSecurityException(
                                "key " + keyset.getAt(i).getId() + " is not enabled");
                    }
                }
                loaded = new Loaded(
                        attributes.fileKey(),
                        attributes.lastModifiedTime().toMillis(),
                        attributes.size(),
                        keyset,
                        keyset.getPrimitive(RegistryConfiguration.get(), Aead.class));
            }
            return loaded;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Cannot load the personal-data master key from " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the keyset to a new file beside the old one and renames it over: a crash leaves the old keyset or the
     * new one, never half of either; the new inode tells the other nodes that it changed.
     */
    private void write(KeysetHandle keyset) throws GeneralSecurityException, IOException {
        String json = TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
        Path next = file.resolveSibling(file.getFileName() + ".next");
        Files.deleteIfExists(next);
        createPrivateFile(next);
        try (FileChannel channel = FileChannel.open(next, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        loaded = null;
        loaded();
    }

    /** Moves the key file of an install that kept it at {@code former}; nothing when there is none there. */
    static void moveFrom(Path former, Path file) throws IOException {
        if (Files.exists(former) && !Files.exists(file)) {
            createPrivateDirectories(file.toAbsolutePath().getParent());
            Files.move(former, file, StandardCopyOption.ATOMIC_MOVE);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Another file system: its own access rules apply.
            }
            LOG.warn(
                    "Moved the personal-data master key from {} to {}, its new default location outside the "
                            + "database's directory; back it up from there",
                    former.toAbsolutePath(),
                    file.toAbsolutePath());
        }
    }

    private static void create(Path file) throws IOException, GeneralSecurityException {
        Path absolute = file.toAbsolutePath();
        createPrivateDirectories(absolute.getParent());
        String keyset = TinkJsonProtoKeysetFormat.serializeKeyset(
                KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
        try {
            createPrivateFile(absolute);
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            return;
        }
        Files.writeString(absolute, keyset, StandardCharsets.UTF_8);
        LOG.info("Created the personal-data master key in {}", absolute);
    }

    private static void createPrivateFile(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
    }

    private static void createPrivateDirectories(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        try {
            Files.createDirectories(
                    directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createDirectories(directory);
        }
    }
}
