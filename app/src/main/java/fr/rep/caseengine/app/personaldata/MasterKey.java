package fr.rep.caseengine.app.personaldata;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

/** Loads, or creates once, the key-encryption key that wraps every person's own key. */
final class MasterKey {

    private static final Logger LOG = LoggerFactory.getLogger(MasterKey.class);

    private MasterKey() {
    }

    static Aead load(Path file) {
        try {
            AeadConfig.register();
            if (!Files.exists(file)) {
                create(file);
            }
            KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseKeyset(
                    Files.readString(file, StandardCharsets.UTF_8), InsecureSecretKeyAccess.get());
            return keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load the personal-data master key from " + file.toAbsolutePath()
                    + ": " + e.getMessage(), e);
        }
    }

    private static void create(Path file) throws IOException, GeneralSecurityException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        String keyset = TinkJsonProtoKeysetFormat.serializeKeyset(
                KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
        try {
            Files.createFile(absolute, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException raced) {
            return;
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(absolute);
        }
        Files.writeString(absolute, keyset, StandardCharsets.UTF_8);
        LOG.info("Created the personal-data master key in {}", absolute);
    }
}
