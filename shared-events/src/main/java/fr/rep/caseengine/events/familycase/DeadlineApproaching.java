package fr.rep.caseengine.events.familycase;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A deadline of the case is near (raised ahead by the configured notice) or, for inactivity, reached; it goes to the
 * caseworker's work queue. Raised by the system actor {@code system:deadlines}.
 *
 * @param child       the child concerned, or {@code null}
 * @param accompanier the accompanier whose permit ends, or {@code null}
 * @param dueOn       the date itself
 * @param party       the party whose consent ends (revision 2), or {@code null}
 * Revision 3 made the accompanier a reference instead of a name ({@link FreeTextAccompanierUpcaster}).
 */
@Revision("3")
public record DeadlineApproaching(
        CaseId caseId,
        Instant occurredAt,
        Instant recordedAt,
        DeadlineKind kind,
        SubjectId child,
        Accompanier accompanier,
        LocalDate dueOn,
        SubjectId party)
        implements CaseEvent {

    /** A deadline that concerns no party's consent. */
    public DeadlineApproaching(
            CaseId caseId,
            Instant occurredAt,
            Instant recordedAt,
            DeadlineKind kind,
            SubjectId child,
            Accompanier accompanier,
            LocalDate dueOn) {
        this(caseId, occurredAt, recordedAt, kind, child, accompanier, dueOn, null);
    }
}
