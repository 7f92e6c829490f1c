package fr.rep.caseengine.query.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.rep.caseengine.events.familycase.Team;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A projection changed a case's rows in a view. Sent with {@code pg_notify} inside the projection's transaction,
 * PostgreSQL delivers it to every listening node only when that transaction commits (and never if it rolls back);
 * identical notifications of one transaction are delivered once.
 *
 * @param view        the processing group of the view
 * @param team        the case's team
 * @param caseId      the case
 * @param caseworkers the caseworkers the case is (or was, before this change) assigned to
 */
public record ViewChange(String view, Team team, UUID caseId, List<String> caseworkers) {

    static final String CHANNEL = "view_changes";
    static final ObjectMapper JSON = new ObjectMapper();

    public ViewChange {
        caseworkers = caseworkers.stream().filter(Objects::nonNull).filter(name -> !name.isEmpty()).distinct()
                .toList();
    }

    /** Announces this change once the transaction of {@code jdbc}'s current connection commits. */
    public void announce(JdbcTemplate jdbc) {
        try {
            jdbc.query("SELECT pg_notify(?, ?)", rs -> null, CHANNEL, JSON.writeValueAsString(this));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ViewChange parse(String payload) {
        try {
            return JSON.readValue(payload, ViewChange.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
