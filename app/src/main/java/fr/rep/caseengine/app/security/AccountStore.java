package fr.rep.caseengine.app.security;

import fr.rep.caseengine.command.access.Caseworkers;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.staff.Role;
import fr.rep.caseengine.query.workqueue.TeamCaseworkers;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Staff accounts in PostgreSQL. Passwords are hashed with the delegating encoder (bcrypt today). */
@Component
public class AccountStore implements Caseworkers, TeamCaseworkers {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The actor of account changes made by the service itself (demo data, tests, start-up). */
    static final String SYSTEM = "system:accounts";

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final AccountTrail trail;
    private final TransactionTemplate transaction;

    AccountStore(
            JdbcTemplate jdbc,
            PasswordEncoder passwords,
            Clock clock,
            AccountTrail trail,
            TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
        this.trail = trail;
        this.transaction = transaction;
    }

    /** Creates an account and returns its one-time password, to be changed at first sign-in (the service's own). */
    public String createWithOneTimePassword(String username, String displayName, Set<Role> roles, Team team) {
        return createWithOneTimePassword(username, displayName, roles, team, SYSTEM);
    }

    /**
     * As {@link #createWithOneTimePassword(String, String, Set, Team)}, recorded in the trail as {@code actor}'s: for
     * the service itself only (the first administrator, printed once in the log); an administrator's new account
     * waits for its password instead ({@link #createAwaitingOneTimePassword}).
     */
    String createWithOneTimePassword(String username, String displayName, Set<Role> roles, Team team, String actor) {
        String oneTimePassword = oneTimePassword();
        insert(username, displayName, oneTimePassword, roles, team, true, actor);
        return oneTimePassword;
    }

    /**
     * Creates an account, on an administrator's request, with no password yet: it waits for someone else to issue its
     * one-time password ({@link #issueOneTimePassword}), so that the administrator never knows it.
     */
    void createAwaitingOneTimePassword(
            String username, String displayName, Set<Role> roles, Team team, String administrator) {
        transaction.executeWithoutResult(status -> {
            jdbc.update(
                    """
                    INSERT INTO account (username, display_name, password_hash, roles, team, must_change_password,
                        created_at, password_withheld_by, password_withheld_at)
                    VALUES (?, ?, NULL, ?::varchar[], ?, TRUE, ?, ?, ?)""",
                    username,
                    displayName,
                    toArray(roles),
                    team == null ? null : team.name(),
                    Timestamp.from(clock.instant()),
                    administrator,
                    Timestamp.from(clock.instant()));
            trail.record(administrator, username, AccountTrail.Action.CREATED, null, roles, team, null);
        });
    }

    /** Creates an account with a password its holder chose. */
    public void create(String username, String displayName, String password, Set<Role> roles, Team team) {
        insert(username, displayName, password, roles, team, false, SYSTEM);
    }

    private void insert(
            String username,
            String displayName,
            String password,
            Set<Role> roles,
            Team team,
            boolean mustChangePassword,
            String actor) {
        transaction.executeWithoutResult(status -> {
            jdbc.update(
                    """
                    INSERT INTO account (username, display_name, password_hash, roles, team, must_change_password,
                        created_at) VALUES (?, ?, ?, ?::varchar[], ?, ?, ?)""",
                    username,
                    displayName,
                    passwords.encode(password),
                    toArray(roles),
                    team == null ? null : team.name(),
                    mustChangePassword,
                    Timestamp.from(clock.instant()));
            trail.record(actor, username, AccountTrail.Action.CREATED, null, roles, team, null);
        });
    }

    public boolean exists(String username) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM account WHERE username = ?)", Boolean.class, username));
    }

    long count() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM account", Long.class);
        return count == null ? 0 : count;
    }

    Optional<Account> find(String username) {
        return jdbc.query("SELECT * FROM account WHERE username = ?", ACCOUNT, username).stream()
                .findFirst();
    }

    List<Account> all() {
        return jdbc.query("SELECT * FROM account ORDER BY username", ACCOUNT);
    }

    boolean passwordMatches(Account account, String rawPassword) {
        return account.passwordHash() != null && passwords.matches(rawPassword, account.passwordHash());
    }

    /** Changes the password and moves the account to its next session generation: its sessions end. */
    void changePassword(String username, String newPassword) {
        transaction.executeWithoutResult(status -> {
            jdbc.update("""
                    UPDATE account SET password_hash = ?, must_change_password = FALSE,
                        session_generation = session_generation + 1 WHERE username = ?""", passwords.encode(newPassword), username);
            trail.record(username, username, AccountTrail.Action.PASSWORD_CHANGED, null, null, null, null);
        });
    }

    /** Disables the account; its sessions end at their next request, on every node. */
    void disable(String username) {
        disable(username, SYSTEM);
    }

    void disable(String username, String actor) {
        transaction.executeWithoutResult(status -> {
            jdbc.update(
                    "UPDATE account SET enabled = FALSE, session_generation = session_generation + 1 "
                            + "WHERE username = ?",
                    username);
            trail.record(actor, username, AccountTrail.Action.DISABLED, null, null, null, null);
        });
    }

    /**
     * Gives the account these roles and team, in the caller's transaction, and records it; its sessions end, so that
     * no session keeps a role taken away.
     */
    void changeRoles(Account account, Set<Role> roles, Team team, String actor, Long requestId) {
        jdbc.update(
                "UPDATE account SET roles = ?::varchar[], team = ?, session_generation = session_generation + 1 "
                        + "WHERE username = ?",
                toArray(roles),
                team == null ? null : team.name(),
                account.username());
        trail.record(
                actor, account.username(), AccountTrail.Action.ROLES_CHANGED, account.roles(), roles, team, requestId);
    }

    /**
     * Forces a new password: the current one stops working, the account's sessions end, and the account waits for
     * someone other than {@code administrator} to issue its one-time password.
     */
    void withholdPassword(String username, String administrator) {
        transaction.executeWithoutResult(status -> {
            jdbc.update("""
                    UPDATE account SET password_hash = NULL, must_change_password = TRUE,
                        password_withheld_by = ?, password_withheld_at = ?,
                        session_generation = session_generation + 1 WHERE username = ?""", administrator, Timestamp.from(clock.instant()), username);
            trail.record(administrator, username, AccountTrail.Action.PASSWORD_RESET, null, null, null, null);
        });
    }

    /**
     * Gives an account that waits for it a one-time password, to be changed at its first sign-in, and returns it.
     * Empty when the account no longer waits (another issuer was first): one password is issued per wait.
     */
    Optional<String> issueOneTimePassword(String username, String issuer) {
        String oneTimePassword = oneTimePassword();
        Integer issued = transaction.execute(status -> {
            int updated = jdbc.update("""
                    UPDATE account SET password_hash = ?, password_withheld_by = NULL, password_withheld_at = NULL
                    WHERE username = ? AND password_withheld_by IS NOT NULL""", passwords.encode(oneTimePassword), username);
            if (updated == 1) {
                trail.record(issuer, username, AccountTrail.Action.ONE_TIME_PASSWORD_ISSUED, null, null, null, null);
            }
            return updated;
        });
        return issued != null && issued == 1 ? Optional.of(oneTimePassword) : Optional.empty();
    }

    /** The accounts waiting for a one-time password, oldest wait first. */
    List<Account> awaitingOneTimePassword() {
        return jdbc.query(
                "SELECT * FROM account WHERE password_withheld_by IS NOT NULL AND enabled "
                        + "ORDER BY password_withheld_at, username",
                ACCOUNT);
    }

    @Override
    public boolean isActiveCaseworker(String account) {
        return find(account)
                .filter(found -> found.enabled() && found.roles().contains(Role.CASEWORKER))
                .isPresent();
    }

    @Override
    public List<String> activeCaseworkersOf(Team team) {
        return jdbc.queryForList("""
                SELECT username FROM account WHERE enabled AND team = ? AND ? = ANY (roles)
                ORDER BY username""", String.class, team.name(), Role.CASEWORKER.name());
    }

    @Override
    public boolean isAccount(String account) {
        return exists(account);
    }

    Instant now() {
        return clock.instant();
    }

    private static String oneTimePassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String toArray(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(",", "{", "}"));
    }

    private static final RowMapper<Account> ACCOUNT = (rs, row) -> {
        String[] roles = (String[]) rs.getArray("roles").getArray();
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        Arrays.stream(roles).map(Role::valueOf).forEach(parsed::add);
        String team = rs.getString("team");
        return new Account(
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("password_hash"),
                parsed,
                team == null ? null : Team.valueOf(team),
                rs.getBoolean("enabled"),
                rs.getBoolean("must_change_password"),
                rs.getInt("session_generation"),
                rs.getString("password_withheld_by"));
    };
}
