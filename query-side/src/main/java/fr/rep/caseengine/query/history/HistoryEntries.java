package fr.rep.caseengine.query.history;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A case's history entries for its page: those still standing (what a correction may point at) and those recorded
 * after a version (what changed while a form was open). It does not check scope: ask it only for a case whose detail
 * the caller was just allowed to read.
 */
@Component
public class HistoryEntries {

    private final JdbcTemplate jdbc;

    HistoryEntries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param type the event's simple type name
     * @param corrected whether a correction voided it
     */
    public record Listed(String eventId, long sequence, String type, Instant occurredAt, boolean corrected) {}

    /** The entries neither corrected nor corrections themselves, newest first. */
    public List<Listed> standing(UUID caseId) {
        return query(
                "WHERE case_id = ? AND corrected_by IS NULL AND corrects IS NULL ORDER BY sequence_number DESC",
                caseId);
    }

    /** The entries recorded after {@code version}, in order. */
    public List<Listed> since(UUID caseId, long version) {
        return query("WHERE case_id = ? AND sequence_number > ? ORDER BY sequence_number", caseId, version);
    }

    private List<Listed> query(String condition, Object... arguments) {
        return jdbc.query(
                "SELECT event_id, sequence_number, event_type, occurred_at, corrected_by " + "FROM case_history_entry "
                        + condition,
                (rs, row) -> new Listed(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getString(5) != null),
                arguments);
    }
}
