package fr.rep.caseengine.events.familycase;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A person's personal data was erased: their key in the personal-data store was destroyed in the transaction that
 * stored this event, so their name, address, phone and notes can never be read again. The person stays on the case
 * as a subject id with the facts the rules and the annual report count (birth date, département, housing, role);
 * nothing stored before is changed or deleted. Holds no personal data itself.
 *
 * @param subject the person erased, a person of this case
 */
@Revision("1")
public record PersonalDataErased(
        CaseId caseId, Instant occurredAt, Instant recordedAt, SubjectId subject, ErasureReason reason)
        implements CaseEvent {}
