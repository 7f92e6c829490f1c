package fr.rep.caseengine.app.report;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.EventMetadata;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.collectiveaction.CollectiveActionId;
import fr.rep.caseengine.events.collectiveaction.CollectiveSessionHeld;
import fr.rep.caseengine.events.collectiveaction.CollectiveSessionKind;
import fr.rep.caseengine.events.collectiveaction.Participant;
import fr.rep.caseengine.events.collectiveaction.TalkingGroupSessionHeld;
import fr.rep.caseengine.events.collectiveaction.TalkingGroupTheme;
import fr.rep.caseengine.events.familycase.Accompanier;
import fr.rep.caseengine.events.familycase.Accompaniment;
import fr.rep.caseengine.events.familycase.CaseEvent;
import fr.rep.caseengine.events.familycase.CaseReopened;
import fr.rep.caseengine.events.familycase.CaseReviewed;
import fr.rep.caseengine.events.familycase.ChildAdded;
import fr.rep.caseengine.events.familycase.ChildOnCase;
import fr.rep.caseengine.events.familycase.ClosingReason;
import fr.rep.caseengine.events.familycase.ContactStep;
import fr.rep.caseengine.events.familycase.ContactStepTaken;
import fr.rep.caseengine.events.familycase.CorrectionReason;
import fr.rep.caseengine.events.familycase.DeclineReason;
import fr.rep.caseengine.events.familycase.Department;
import fr.rep.caseengine.events.familycase.EntryCorrected;
import fr.rep.caseengine.events.familycase.HomeVisitMade;
import fr.rep.caseengine.events.familycase.HousingType;
import fr.rep.caseengine.events.familycase.InterventionClosed;
import fr.rep.caseengine.events.familycase.InterviewHeld;
import fr.rep.caseengine.events.familycase.InterviewKind;
import fr.rep.caseengine.events.familycase.InterviewParticipant;
import fr.rep.caseengine.events.familycase.InterviewPlace;
import fr.rep.caseengine.events.familycase.NurseryAccompanimentMade;
import fr.rep.caseengine.events.familycase.PartyOnCase;
import fr.rep.caseengine.events.familycase.PartyRole;
import fr.rep.caseengine.events.familycase.PenalStatus;
import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.familycase.ReferralChannel;
import fr.rep.caseengine.events.familycase.ReferrerType;
import fr.rep.caseengine.events.familycase.RequestAccepted;
import fr.rep.caseengine.events.familycase.RequestDeclined;
import fr.rep.caseengine.events.familycase.RequestReceived;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.familycase.VisitMediated;
import fr.rep.caseengine.events.familycase.VisitPlace;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

/**
 * Seeded stories with every kind of fact the report counts and that the benchmark's generator leaves out:
 * interviews (some with the children, some with their kilometres), home visits, contact steps and case reviews with
 * kilometres, visits outside, nursery accompaniments, children added, declines, reopenings, corrections, families with
 * two detained parents or a parent of another family, and collective sessions (some parents without a case), dated
 * across 2019–2025 so that support periods straddle years.
 */
final class GeneratedActivity {

    private static final Instant FROM = Instant.parse("2019-01-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2025-12-20T00:00:00Z");
    private static final List<String> DEPARTMENTS = Arrays.asList("80", "62", "59", "02", "60", null, "76");

    private final SplittableRandom random;
    private final List<DomainEventMessage<?>> messages = new ArrayList<>();
    private final List<Participant> parents = new ArrayList<>();

    GeneratedActivity(long seed) {
        this.random = new SplittableRandom(seed);
    }

    List<DomainEventMessage<?>> generate(int families, int collectiveSessions) {
        for (int i = 0; i < families; i++) {
            family();
        }
        for (int i = 0; i < collectiveSessions; i++) {
            collective();
        }
        return messages;
    }

    private void family() {
        CaseId caseId = new CaseId(uuid());
        List<Object> story = new ArrayList<>();
        Instant at = FROM.plus(Duration.ofMinutes(random.nextLong(6L * 365 * 24 * 60)));
        Team team = random.nextBoolean() ? Team.SOMME_AISNE_OISE : Team.PAS_DE_CALAIS;
        Prison prison = team == Team.SOMME_AISNE_OISE
                ? pick(Prison.MA_AMIENS, Prison.CP_LAON, Prison.CP_BEAUVAIS)
                : pick(Prison.MA_ARRAS, Prison.CD_BAPAUME, Prison.DOUAI);
        // A parent already followed with another family, now and then; and now and then both parents detained.
        SubjectId parent = !parents.isEmpty() && random.nextDouble() < 0.08
                ? parents.get(random.nextInt(parents.size())).parent()
                : new SubjectId(uuid());
        SubjectId freeParent = new SubjectId(uuid());
        parents.add(new Participant(caseId, parent));
        List<PartyOnCase> parties = new ArrayList<>(List.of(new PartyOnCase(freeParent, PartyRole.FREE_PARENT)));
        if (random.nextDouble() < 0.1) {
            parties.add(new PartyOnCase(new SubjectId(uuid()), PartyRole.DETAINED_PARENT));
        }
        List<ChildOnCase> children = new ArrayList<>();
        for (int i = random.nextInt(1, 4); i > 0; i--) {
            children.add(child(at, freeParent));
        }
        story.add(new RequestReceived(
                caseId,
                at,
                at,
                pick(ReferrerType.values()),
                pick(ReferralChannel.values()),
                team,
                prison,
                parent,
                PenalStatus.SENTENCED,
                parties,
                children,
                random.nextDouble() < 0.35));
        at = later(at);
        if (random.nextDouble() < 0.12) {
            story.add(new RequestDeclined(caseId, at, at, DeclineReason.OUTSIDE_REMIT, true));
            if (random.nextBoolean()) {
                return;
            }
            at = later(at);
            story.add(new CaseReopened(caseId, at, at));
            at = later(at);
        }
        List<String> correctable = new ArrayList<>();
        for (int period = 0; period < 2 && at.isBefore(UNTIL); period++) {
            story.add(new RequestAccepted(caseId, at, at));
            for (int facts = random.nextInt(2, 14); facts > 0; facts--) {
                at = later(at);
                if (at.isAfter(UNTIL)) {
                    break;
                }
                story.add(fact(caseId, at, children, freeParent, correctable, story.size()));
            }
            at = later(at);
            if (at.isAfter(UNTIL) || random.nextDouble() < 0.4) {
                break;
            }
            story.add(new InterventionClosed(caseId, at, at, ClosingReason.PARENT_RELEASED));
            at = later(at);
            if (at.isAfter(UNTIL) || random.nextDouble() < 0.6) {
                break;
            }
            story.add(new CaseReopened(caseId, at, at));
            at = later(at);
        }
        List<String> ids = new ArrayList<>();
        for (int sequence = 0; sequence < story.size(); sequence++) {
            ids.add(uuid().toString());
        }
        for (int sequence = 0; sequence < story.size(); sequence++) {
            CaseEvent event = story.get(sequence) instanceof CorrectionPlaceholder placeholder
                    ? new EntryCorrected(
                            caseId,
                            placeholder.at(),
                            placeholder.at(),
                            ids.get(placeholder.correctedSequence()),
                            CorrectionReason.DUPLICATE)
                    : (CaseEvent) story.get(sequence);
            messages.add(
                    message("FamilyCase", caseId.toString(), sequence, event, ids.get(sequence), event.recordedAt()));
        }
    }

    /** Stands for a correction until the corrected event's id is drawn. */
    private record CorrectionPlaceholder(Instant at, int correctedSequence) {}

    private Object fact(
            CaseId caseId,
            Instant at,
            List<ChildOnCase> children,
            SubjectId authority,
            List<String> correctable,
            int sequence) {
        double draw = random.nextDouble();
        if (draw < 0.25) {
            return remember(
                    correctable,
                    sequence,
                    new InterviewHeld(
                            caseId,
                            at,
                            at,
                            pick(InterviewKind.values()),
                            random.nextBoolean()
                                    ? List.of(InterviewParticipant.DETAINED_PARENT)
                                    : List.of(InterviewParticipant.FREE_PARENT, InterviewParticipant.CHILDREN),
                            pick(InterviewPlace.values()),
                            random.nextDouble() < 0.2 ? null : random.nextInt(0, 60)));
        }
        if (draw < 0.35) {
            return remember(correctable, sequence, new HomeVisitMade(caseId, at, at, random.nextInt(0, 90)));
        }
        if (draw < 0.38) {
            return remember(
                    correctable,
                    sequence,
                    new ContactStepTaken(
                            caseId,
                            at,
                            at,
                            pick(ContactStep.values()),
                            List.of(children.get(0).subjectId()),
                            pick(Accompaniment.values()),
                            random.nextBoolean() ? null : random.nextInt(0, 40)));
        }
        if (draw < 0.4) {
            return remember(
                    correctable,
                    sequence,
                    new CaseReviewed(caseId, at, at, 2, random.nextBoolean() ? null : random.nextInt(0, 40)));
        }
        if (draw < 0.7) {
            return remember(
                    correctable,
                    sequence,
                    new VisitMediated(
                            caseId,
                            at,
                            at,
                            List.of(children.get(0).subjectId()),
                            pick(VisitPlace.values()),
                            null,
                            Accompanier.staff("claire"),
                            pick(Accompaniment.values()),
                            60,
                            random.nextDouble() < 0.1 ? null : random.nextInt(0, 70)));
        }
        if (draw < 0.8) {
            return remember(
                    correctable,
                    sequence,
                    new NurseryAccompanimentMade(caseId, at, at, children.get(0).subjectId(), random.nextInt(5, 25)));
        }
        if (draw < 0.88) {
            ChildOnCase added = child(at, authority);
            children.add(added);
            return new ChildAdded(caseId, at, at, added);
        }
        if (!correctable.isEmpty()) {
            int corrected = Integer.parseInt(correctable.remove(random.nextInt(correctable.size())));
            return new CorrectionPlaceholder(at, corrected);
        }
        return new HomeVisitMade(caseId, at, at, 10);
    }

    private CaseEvent remember(List<String> correctable, int sequence, CaseEvent event) {
        correctable.add(String.valueOf(sequence));
        return event;
    }

    private void collective() {
        Instant at = FROM.plus(Duration.ofMinutes(random.nextLong(7L * 365 * 24 * 60 - 30L * 24 * 60)));
        // A parent met without a case now and then, and met again at a later session.
        if (random.nextDouble() < 0.3) {
            parents.add(new Participant(null, new SubjectId(uuid())));
        }
        Participant first = parents.get(random.nextInt(parents.size()));
        List<Participant> present = new ArrayList<>(List.of(first));
        for (int i = random.nextInt(0, 7); i > 0; i--) {
            Participant other = parents.get(random.nextInt(parents.size()));
            if (present.stream().noneMatch(each -> each.parent().equals(other.parent()))) {
                present.add(other);
            }
        }
        Team team = random.nextBoolean() ? Team.SOMME_AISNE_OISE : Team.PAS_DE_CALAIS;
        Prison prison = team == Team.SOMME_AISNE_OISE ? Prison.MA_AMIENS : Prison.CD_BAPAUME;
        CollectiveActionId id = new CollectiveActionId(uuid());
        if (random.nextBoolean()) {
            messages.add(message(
                    "CollectiveSession",
                    id.toString(),
                    0,
                    new CollectiveSessionHeld(id, at, at, pick(CollectiveSessionKind.values()), team, prison, present),
                    uuid().toString(),
                    at));
        } else {
            messages.add(message(
                    "TalkingGroup",
                    id.toString(),
                    0,
                    new TalkingGroupSessionHeld(
                            id, at, at, team, prison, 1, TalkingGroupTheme.BEING_A_FATHER_IN_DETENTION, present),
                    uuid().toString(),
                    at));
        }
    }

    private ChildOnCase child(Instant at, SubjectId authority) {
        LocalDate birth = at.atZone(ReportOracle.ZONE).toLocalDate().minusDays(random.nextInt(0, 17 * 365));
        String department = DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size()));
        return new ChildOnCase(
                new SubjectId(uuid()),
                birth,
                department == null ? null : new Department(department),
                pick(HousingType.values()),
                authority);
    }

    private Instant later(Instant at) {
        return at.plus(Duration.ofMinutes(random.nextLong(2 * 24 * 60, 120 * 24 * 60)));
    }

    @SafeVarargs
    private <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    private UUID uuid() {
        return new UUID(
                (random.nextLong() & ~0xF000L) | 0x4000L,
                (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }

    private static DomainEventMessage<?> message(
            String type, String aggregateId, long sequence, Object payload, String id, Instant timestamp) {
        return new GenericDomainEventMessage<>(
                type,
                aggregateId,
                sequence,
                payload,
                Map.of(
                        EventMetadata.ACTOR,
                        "claire.caseworker",
                        EventMetadata.CORRELATION_ID,
                        id,
                        EventMetadata.TRACE_ID,
                        id),
                id,
                timestamp);
    }
}
