package fr.rep.caseengine.app.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** The key file: moved from its former place on upgrade, rotated, and what each wrapped key says of its wrapper. */
class WrappingKeysTest {

    private static final byte[] ASSOCIATED = "subject".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path data;

    @Test
    void an_install_with_the_key_at_its_former_place_keeps_its_key_once_moved() throws Exception {
        Path former = data.resolve("personal-data-master-key.json");
        Path file = data.resolve("keys").resolve("personal-data-master-key.json");
        WrappingKeys original = WrappingKeys.open(former, noDatabase(), Optional.empty());
        byte[] wrapped = wrap(original.current());

        WrappingKeys.moveFrom(former, file);

        assertThat(former).doesNotExist();
        assertThat(unwraps(
                        wrapped,
                        WrappingKeys.open(file, noDatabase(), Optional.empty()).current()))
                .isTrue();
    }

    @Test
    void without_its_key_file_a_database_holding_wrapped_keys_refuses_a_new_key() {
        JdbcTemplate holdingKeys = noDatabase();
        when(holdingKeys.queryForObject(anyString(), eq(Integer.class))).thenReturn(3);
        Path file = data.resolve("keys").resolve("lost.json");

        assertThatThrownBy(() -> WrappingKeys.open(file, holdingKeys, Optional.empty()))
                .hasMessageContaining("holds 3 keys wrapped");
        assertThat(file).doesNotExist();
    }

    @Test
    void after_a_rotation_only_the_new_key_is_left_and_what_the_older_one_wrapped_no_longer_unwraps() throws Exception {
        WrappingKeys keys = WrappingKeys.open(data.resolve("keys.json"), noDatabase(), Optional.empty());
        int former = keys.primaryKeyId();
        byte[] before = wrap(keys.current());
        assertThat(WrappingKeys.wrappedBy(before)).isEqualTo(former);

        int primary = keys.addPrimary();
        assertThat(unwraps(before, keys.current()))
                .as("the older key stays until the re-wrap is done")
                .isTrue();
        byte[] after = wrap(keys.current());
        assertThat(keys.keepOnly(primary)).containsExactly(former);

        assertThat(keys.keyIds()).containsExactly(primary);
        assertThat(WrappingKeys.wrappedBy(after)).isEqualTo(primary);
        assertThat(unwraps(before, keys.current())).isFalse();
        assertThat(unwraps(
                        after,
                        WrappingKeys.open(data.resolve("keys.json"), noDatabase(), Optional.empty())
                                .current()))
                .isTrue();
        assertThat(Files.readString(data.resolve("keys.json"))).doesNotContain(Integer.toUnsignedString(former));
    }

    private static JdbcTemplate noDatabase() {
        JdbcTemplate jdbc = mock(JdbcTemplate.class);
        when(jdbc.queryForObject(anyString(), eq(Integer.class))).thenReturn(0);
        return jdbc;
    }

    private static byte[] wrap(Aead keys) throws GeneralSecurityException {
        AeadConfig.register();
        return TinkProtoKeysetFormat.serializeEncryptedKeyset(
                KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), keys, ASSOCIATED);
    }

    private static boolean unwraps(byte[] wrapped, Aead keys) {
        try {
            TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, keys, ASSOCIATED);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
