package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.Accompanier;
import fr.rep.caseengine.events.familycase.DeadlineKind;
import java.time.LocalDate;

/**
 * What a scheduled deadline carries; stored by the deadline manager until it fires, so it must stay readable.
 *
 * @param child       the child concerned, or {@code null}
 * @param accompanier the accompanier whose permit ends, or {@code null}; a deadline stored while accompaniers were
 *                    names reads as {@link Accompanier#RECORDED_BEFORE}
 * @param party       the party whose consent ends, or {@code null}
 */
public record CaseDeadline(
        DeadlineKind kind, SubjectId child, Accompanier accompanier, LocalDate dueOn, SubjectId party) {

    public CaseDeadline(DeadlineKind kind, SubjectId child, Accompanier accompanier, LocalDate dueOn) {
        this(kind, child, accompanier, dueOn, null);
    }
}
