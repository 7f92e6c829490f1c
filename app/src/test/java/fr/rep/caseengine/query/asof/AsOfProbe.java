package fr.rep.caseengine.query.asof;

import fr.rep.caseengine.events.familycase.CaseEvent;
import fr.rep.caseengine.events.familycase.CaseFacts;
import fr.rep.caseengine.events.familycase.Court;
import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.familycase.VisitingRights;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The as-of replay's answer, by recording or by occurrence, for tests of other packages. */
public final class AsOfProbe {

    /** What the as-of answer says of a case's facts. */
    public record Answer(
            Map<UUID, CaseFacts.ConsentState> consents,
            Prison prison,
            Boolean inCustody,
            int visitsHeld,
            Map<UUID, VisitingRights> rights,
            Map<UUID, Court> noContact) {}

    /** One stored event. */
    public record Event(String eventId, long sequence, CaseEvent event) {}

    private AsOfProbe() {}

    /** As of {@code instant} by recording time, from every stored event of the case (filtered as the API does). */
    public static Answer recordedAsOf(UUID caseId, Instant instant, List<Event> stored, ZoneId zone) {
        return answer(
                caseId,
                instant,
                CaseAsOf.By.RECORDED,
                stored.stream()
                        .filter(event -> !event.event().recordedAt().isAfter(instant))
                        .toList(),
                zone);
    }

    /** As of {@code instant} by occurrence, from every stored event of the case (filtered and ordered as the API). */
    public static Answer occurredAsOf(UUID caseId, Instant instant, List<Event> stored, ZoneId zone) {
        return answer(
                caseId,
                instant,
                CaseAsOf.By.OCCURRED,
                stored.stream()
                        .filter(event -> !event.event().occurredAt().isAfter(instant))
                        .sorted(Comparator.comparing(
                                        (Event event) -> event.event().occurredAt())
                                .thenComparingLong(Event::sequence))
                        .toList(),
                zone);
    }

    private static Answer answer(UUID caseId, Instant instant, CaseAsOf.By by, List<Event> known, ZoneId zone) {
        CaseAsOf asOf = CaseAsOf.fold(
                caseId,
                instant,
                by,
                known.stream()
                        .map(event -> new CaseAsOf.Stored(event.eventId(), event.sequence(), event.event()))
                        .toList(),
                zone);
        Map<UUID, CaseFacts.ConsentState> consents = new LinkedHashMap<>();
        asOf.parties().forEach(party -> consents.put(party.subjectId(), party.consent()));
        Map<UUID, VisitingRights> rights = new LinkedHashMap<>();
        Map<UUID, Court> noContact = new LinkedHashMap<>();
        asOf.children().forEach(child -> {
            rights.put(child.subjectId(), child.visitingRights());
            noContact.put(child.subjectId(), child.noContactOrder());
        });
        return new Answer(
                consents, asOf.prison(), asOf.parentInCustody(), asOf.visits().held(), rights, noContact);
    }
}
