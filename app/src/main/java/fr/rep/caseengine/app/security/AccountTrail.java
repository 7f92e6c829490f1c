package fr.rep.caseengine.app.security;

import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.staff.Role;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The account trail: every change to an account, appended to {@code account_trail}, which the app's database role may
 * only read and append to and a trigger keeps as written. Auditors read it ({@code GET /api/account-trail}).
 */
@Component
public class AccountTrail {

    /** What happened to the account. */
    public enum Action {
        CREATED,
        DISABLED,
        PASSWORD_CHANGED,
        ROLES_CHANGED,
        ROLE_CHANGE_REQUESTED,
        ROLE_CHANGE_APPROVED,
        ROLE_CHANGE_REFUSED,
        /** An administrator forced a new password: the old one stopped working and the account waits for one. */
        PASSWORD_RESET,
        /** Someone other than that administrator issued the account's one-time password (the actor). */
        ONE_TIME_PASSWORD_ISSUED
    }

    /**
     * One row of the trail.
     *
     * @param rolesBefore the roles before a change of roles (or the roles requested are in {@code rolesAfter})
     * @param requestId   the role change request it belongs to, or {@code null}
     */
    public record Entry(
            long id,
            Instant at,
            String actor,
            String account,
            Action action,
            Set<Role> rolesBefore,
            Set<Role> rolesAfter,
            Team team,
            Long requestId) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AccountTrail(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(
            String actor, String account, Action action, Set<Role> before, Set<Role> after, Team team, Long requestId) {
        jdbc.update(
                """
                INSERT INTO account_trail (at, actor, account, action, roles_before, roles_after, team, request_id)
                VALUES (?, ?, ?, ?, ?::varchar[], ?::varchar[], ?, ?)""",
                Timestamp.from(clock.instant()),
                actor,
                account,
                action.name(),
                array(before),
                array(after),
                team == null ? null : team.name(),
                requestId);
    }

    /** The newest entries first, of one account or of all; at most {@code limit}. */
    public List<Entry> entries(String account, int limit) {
        List<Object> arguments = new ArrayList<>();
        String where = "";
        if (account != null) {
            where = " WHERE account = ?";
            arguments.add(account);
        }
        arguments.add(limit);
        return jdbc.query(
                "SELECT * FROM account_trail" + where + " ORDER BY id DESC LIMIT ?",
                AccountTrail::entry,
                arguments.toArray());
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        long request = rs.getLong("request_id");
        String team = rs.getString("team");
        return new Entry(
                rs.getLong("id"),
                rs.getTimestamp("at").toInstant(),
                rs.getString("actor"),
                rs.getString("account"),
                Action.valueOf(rs.getString("action")),
                roles(rs.getArray("roles_before")),
                roles(rs.getArray("roles_after")),
                team == null ? null : Team.valueOf(team),
                rs.wasNull() ? null : request);
    }

    static Set<Role> roles(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream((String[]) array.getArray()).map(Role::valueOf).forEach(roles::add);
        return roles;
    }

    static String array(Set<Role> roles) {
        return roles == null
                ? null
                : roles.stream().map(Role::name).sorted().collect(Collectors.joining(",", "{", "}"));
    }
}
