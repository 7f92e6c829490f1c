package fr.rep.caseengine.app.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Logs every failed sign-in with the address it came from, and slows repeated failures down per account name
 * <em>and</em> source address: from the third failure in a row of a name from one address, that pair is locked for
 * 1 s, then 2, 4... up to 15 minutes. The same account signs in from any other address meanwhile, so a stranger
 * cannot keep its holder out. Names that match no account are counted the same way, so nothing tells them apart. A
 * successful sign-in from the address resets its count.
 */
@Component
class SignInThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(SignInThrottle.class);
    private static final int LOCK_AFTER = 3;
    private static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
    /** A pair that has not failed for this long is forgotten: the table holds no long list of names tried. */
    private static final Duration FORGOTTEN_AFTER = Duration.ofDays(1);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SignInThrottle(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    boolean locked(String username, String address) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                """
                SELECT EXISTS (SELECT 1 FROM sign_in_failure WHERE username = ? AND address = ? AND locked_until > ?)""", Boolean.class, stored(username, 100), stored(address, 64), Timestamp.from(clock.instant())));
    }

    /** A wrong password (or no such account): counted, and locks the pair from the third in a row. */
    void failed(String username, String address, AuthenticationException failure) {
        Instant now = clock.instant();
        jdbc.update("DELETE FROM sign_in_failure WHERE last_failure < ?", Timestamp.from(now.minus(FORGOTTEN_AFTER)));
        List<Integer> counted =
                jdbc.queryForList("""
                INSERT INTO sign_in_failure (username, address, failures, last_failure) VALUES (?, ?, 1, ?)
                ON CONFLICT (username, address) DO UPDATE
                    SET failures = sign_in_failure.failures + 1, last_failure = excluded.last_failure
                RETURNING failures""", Integer.class, stored(username, 100), stored(address, 64), Timestamp.from(now));
        int inARow = counted.get(0);
        if (inARow >= LOCK_AFTER) {
            Duration lock = Duration.ofSeconds(1L << Math.min(inARow - LOCK_AFTER, 20));
            lock = lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
            jdbc.update(
                    "UPDATE sign_in_failure SET locked_until = ? WHERE username = ? AND address = ?",
                    Timestamp.from(now.plus(lock)),
                    stored(username, 100),
                    stored(address, 64));
        }
        log(username, address, failure.getMessage() + " (" + inARow + " in a row)");
    }

    /** The right password while the pair is locked: refused like a wrong one, but not counted against its holder. */
    void refusedWhileLocked(String username, String address) {
        log(username, address, "locked out from this address");
    }

    /** Any other refusal (a disabled account, after its right password). */
    void refused(String username, String address, AuthenticationException failure) {
        log(username, address, failure.getMessage());
    }

    void succeeded(String username, String address) {
        jdbc.update(
                "DELETE FROM sign_in_failure WHERE username = ? AND address = ?",
                stored(username, 100),
                stored(address, 64));
    }

    static String address(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                ? details.getRemoteAddress()
                : "an unknown address";
    }

    private static void log(String username, String address, String what) {
        LOG.warn(
                "Failed sign-in for account '{}' from {}: {}",
                LoggedText.escaped(username),
                address,
                LoggedText.escaped(what));
    }

    /** A name longer than any account's cannot match one; cut to the column's size, it still counts. */
    private static String stored(String text, int length) {
        String value = text == null ? "" : text;
        return value.length() > length ? value.substring(0, length) : value;
    }
}
