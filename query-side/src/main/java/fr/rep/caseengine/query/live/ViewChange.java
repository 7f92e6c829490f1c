package fr.rep.caseengine.query.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.query.projection.PerTransaction;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;

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
        caseworkers = caseworkers.stream()
                .filter(Objects::nonNull)
                .filter(name -> !name.isEmpty())
                .distinct()
                .toList();
    }

    /**
     * Announces this change once the transaction of {@code jdbc}'s current connection commits. In a Spring
     * transaction (a projection's batch), the batch's distinct changes are sent together just before it commits.
     */
    public void announce(JdbcTemplate jdbc) {
        String payload;
        try {
            payload = JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        PENDING.get().ifPresentOrElse(pending -> pending.add(jdbc, payload), () -> send(jdbc, List.of(payload)));
    }

    private static final PerTransaction<Pending> PENDING = new PerTransaction<>(Pending::new);

    private static void send(JdbcTemplate jdbc, Collection<String> payloads) {
        jdbc.query(
                "SELECT pg_notify(?, payload) FROM unnest(?::text[]) AS payload",
                rs -> null,
                CHANNEL,
                payloads.toArray(String[]::new));
    }

    /** The changes a transaction announced, each once, in order. */
    private static final class Pending implements TransactionSynchronization {

        private final Set<String> payloads = new LinkedHashSet<>();
        private JdbcTemplate jdbc;

        void add(JdbcTemplate jdbc, String payload) {
            this.jdbc = jdbc;
            payloads.add(payload);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!payloads.isEmpty()) {
                send(jdbc, payloads);
                payloads.clear();
            }
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
