package fr.rep.caseengine.query.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Measures a projection's lag from the shared tables rather than from the local processor, whose status only covers
 * the segments this node claimed: the lowest position over all the group's tokens in {@code token_entry} (Jackson
 * JSON: a tracking token's {@code index}, or a replay token's {@code currentToken.index}), against the events stored
 * after it in {@code domain_event_entry}. A group without tokens yet has all the store ahead of it.
 */
@Component
public class ProjectionLag {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ProjectionLag(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Lag of(View view) {
        return of(view.processingGroup());
    }

    public Lag of(String processingGroup) {
        Long position = jdbc.queryForObject("""
                SELECT min(coalesce(t.token ->> 'index', t.token -> 'currentToken' ->> 'index', '-1')::BIGINT)
                FROM (SELECT convert_from(token, 'UTF8')::jsonb AS token FROM token_entry
                      WHERE processor_name = ?) t""", Long.class, processingGroup);
        long from = position == null ? -1 : position;
        return jdbc.queryForObject(
                """
                SELECT count(*), min(time_stamp) FROM domain_event_entry WHERE global_index > ?""",
                (rs, row) -> {
                    long events = rs.getLong(1);
                    String oldest = rs.getString(2);
                    if (events == 0 || oldest == null) {
                        return Lag.NONE;
                    }
                    long seconds = Math.max(
                            0,
                            Duration.between(Instant.parse(oldest), clock.instant())
                                    .toSeconds());
                    return new Lag(events, seconds);
                },
                from);
    }
}
