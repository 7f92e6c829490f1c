package fr.rep.caseengine.events.familycase;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A deadline of the case is near (raised ahead by the configured notice) or, for inactivity, reached; it goes to the
 * caseworker's work queue. Raised by the system actor {@code system:deadlines}.
 *
 * @param child       the child concerned, or {@code null}
 * @param accompanier the accompanier whose permit ends, or {@code null}
 * @param dueOn       the date itself
 */
@Revision("1")
public record DeadlineApproaching(CaseId caseId, Instant occurredAt, Instant recordedAt, DeadlineKind kind,
                                  SubjectId child, String accompanier, LocalDate dueOn) implements CaseEvent {
}
