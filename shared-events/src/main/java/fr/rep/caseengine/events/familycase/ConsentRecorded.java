package fr.rep.caseengine.events.familycase;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A party's explicit adhesion to the support (engagement contract) was recorded; it holds until withdrawn, or until
 * {@code validUntil} when the contract has an end (revision 2; {@code null}: no end).
 */
@Revision("2")
public record ConsentRecorded(
        CaseId caseId, Instant occurredAt, Instant recordedAt, SubjectId party, PartyRole role, LocalDate validUntil)
        implements CaseEvent {

    /** A consent without end. */
    public ConsentRecorded(CaseId caseId, Instant occurredAt, Instant recordedAt, SubjectId party, PartyRole role) {
        this(caseId, occurredAt, recordedAt, party, role, null);
    }
}
