package fr.rep.caseengine.app.personaldata;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What makes a family findable by a last name without the name in the database: an HMAC-SHA-256 of the normalised
 * last name under a key of the service's own. That key is generated once and stored in the database wrapped by the
 * personal-data master key, like every person's key: a copy of the database without the master key file cannot
 * compute the hash of a guessed name, so it cannot be searched with a list of names.
 * <p>
 * Normalised: decomposed (NFD), accents and other combining marks removed, œ æ ß spelt out, lower case, every run of
 * spaces, hyphens, apostrophes or other non-letters one space, trimmed: « Lefèvre », « LEFEVRE » and « lefevre » hash
 * alike, as do « Le Goff » and « le-goff ».
 */
final class LastNameIndex {

    private static final byte[] KEY_ASSOCIATED_DATA =
            "rep:personal-data:last-name-search".getBytes(StandardCharsets.UTF_8);
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final Mac mac;

    private LastNameIndex(Mac mac) {
        this.mac = mac;
    }

    /** The service's last-name key, created (and wrapped by the master key) on first use. */
    static LastNameIndex load(JdbcTemplate jdbc, Supplier<Aead> wrappingKeys, Instant now) {
        try {
            MacConfig.register();
            byte[] wrapped = wrappedKey(jdbc).orElse(null);
            Aead keys = wrappingKeys.get();
            if (wrapped == null) {
                byte[] created = TinkProtoKeysetFormat.serializeEncryptedKeyset(
                        KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG),
                        keys,
                        KEY_ASSOCIATED_DATA);
                // Two nodes starting at once: one key wins, both read it back.
                jdbc.update("""
                        INSERT INTO personal_data_search_key (id, wrapped_keyset, created_at) VALUES (1, ?, ?)
                        ON CONFLICT (id) DO NOTHING""", created, Timestamp.from(now));
                wrapped = wrappedKey(jdbc).orElseThrow();
            }
            KeysetHandle keyset = TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, keys, KEY_ASSOCIATED_DATA);
            return new LastNameIndex(keyset.getPrimitive(RegistryConfiguration.get(), Mac.class));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "The last-name search key cannot be unwrapped: is this the master key the "
                            + "data was written with?",
                    e);
        }
    }

    /**
     * The search key wrapped anew by the current primary wrapping key, for a rotation; the key itself does not
     * change, so every stored hash stays valid.
     */
    static byte[] rewrapped(byte[] wrapped, Aead keys) throws GeneralSecurityException {
        return TinkProtoKeysetFormat.serializeEncryptedKeyset(
                TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, keys, KEY_ASSOCIATED_DATA),
                keys,
                KEY_ASSOCIATED_DATA);
    }

    static Optional<byte[]> wrappedKey(JdbcTemplate jdbc) {
        List<byte[]> found =
                jdbc.queryForList("SELECT wrapped_keyset FROM personal_data_search_key WHERE id = 1", byte[].class);
        return found.stream().findFirst();
    }

    /** The keyed hash of a last name, or empty when it has no letter or digit to find it by. */
    Optional<byte[]> hash(String lastName) {
        String normalised = normalised(lastName);
        if (normalised.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(mac.computeMac(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot hash a last name", e);
        }
    }

    static String normalised(String lastName) {
        if (lastName == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(lastName, Normalizer.Form.NFD);
        String plain = COMBINING_MARKS
                .matcher(decomposed)
                .replaceAll("")
                .toLowerCase(Locale.ROOT)
                .replace("œ", "oe")
                .replace("æ", "ae")
                .replace("ß", "ss");
        return SEPARATORS.matcher(plain).replaceAll(" ").trim();
    }
}
