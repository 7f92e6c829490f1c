package fr.rep.caseengine.events.familycase;

import fr.rep.caseengine.events.SubjectId;
import java.time.LocalDate;

/**
 * A child concerned by a case: the facts the rules and the annual report need, nothing that names the child.
 *
 * @param subjectId            the child
 * @param birthDate            decides the age rules and the report's age bands
 * @param department           département of residence; {@code null} when unknown
 * @param housing              where the child lives
 * @param parentalAuthority    the party holding parental authority for this child, whose adhesion a visit needs
 */
public record ChildOnCase(
        SubjectId subjectId,
        LocalDate birthDate,
        Department department,
        HousingType housing,
        SubjectId parentalAuthority) {}
