package fr.rep.caseengine.benchmark;

import fr.rep.caseengine.command.familycase.AcceptRequest;
import fr.rep.caseengine.command.familycase.CloseIntervention;
import fr.rep.caseengine.command.familycase.MediateVisit;
import fr.rep.caseengine.command.familycase.ReceiveRequest;
import fr.rep.caseengine.command.familycase.RecordConsent;
import fr.rep.caseengine.command.familycase.RecordVisitingPermit;
import fr.rep.caseengine.command.familycase.WithdrawConsent;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.Accompanier;
import fr.rep.caseengine.events.familycase.Accompaniment;
import fr.rep.caseengine.events.familycase.CaseEvent;
import fr.rep.caseengine.events.familycase.ClosingReason;
import fr.rep.caseengine.events.familycase.ConsentRecorded;
import fr.rep.caseengine.events.familycase.ConsentWithdrawn;
import fr.rep.caseengine.events.familycase.InterventionClosed;
import fr.rep.caseengine.events.familycase.RequestAccepted;
import fr.rep.caseengine.events.familycase.RequestReceived;
import fr.rep.caseengine.events.familycase.VisitMediated;
import fr.rep.caseengine.events.familycase.VisitPlace;
import fr.rep.caseengine.events.familycase.VisitingPermitIssued;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The commands one benchmark worker sends, one case at a time: half the time a new family's case from its request
 * onwards (consents, visits, sometimes a closing: the same stories as the dataset's), half the time a case of the
 * dataset picked up again (missing consents, one to three visits, sometimes a closing). Facts are dated after
 * {@link CaseDataset#END} and before 2026-07, in the past for the HTTP API.
 */
final class CommandWorkload {

    private static final Instant LIVE_START = CaseDataset.END;
    private static final int LIVE_REQUESTS_SPREAD_MINUTES = 270 * 24 * 60;
    private static final Duration LIVE_LONGEST_SPAN = Duration.ofDays(180);
    private static final int LIVE_MAX_CHILD_AGE = 15;
    private static final int LONGEST_LIVE_CASE = 40;

    /** The dataset's open cases, each handed out once so that no two workers ever act on the same case. */
    static final class OpenCases {

        private final List<OpenCase> cases;
        private final AtomicInteger next = new AtomicInteger();

        OpenCases(List<OpenCase> cases) {
            this.cases = cases;
        }

        Optional<OpenCase> take() {
            int index = next.getAndIncrement();
            return index < cases.size() ? Optional.of(cases.get(index)) : Optional.empty();
        }

        int taken() {
            return Math.min(next.get(), cases.size());
        }
    }

    private final FamilyGenerator generator;
    private final OpenCases openCases;
    private final ArrayDeque<WorkloadCommand> script = new ArrayDeque<>();

    CommandWorkload(long seed, OpenCases openCases) {
        this.generator = new FamilyGenerator(new SplittableRandom(seed));
        this.openCases = openCases;
    }

    WorkloadCommand next() {
        while (script.isEmpty()) {
            Optional<OpenCase> open = generator.chance(0.5) ? openCases.take() : Optional.empty();
            if (open.isPresent()) {
                pickUp(open.get());
            } else {
                newFamily();
            }
        }
        return script.poll();
    }

    /** The last command was refused: the rest of its case's script would be refused too. */
    void abandonCase() {
        script.clear();
    }

    /** The request of a new family, as (b) receives them, to append straight to the store. */
    RequestReceived newRequest() {
        return (RequestReceived)
                generator.story(liveFamily(), 1, Duration.ofDays(1)).get(0);
    }

    private Family liveFamily() {
        return generator.family(
                LIVE_START.plus(Duration.ofMinutes(generator.between(0, LIVE_REQUESTS_SPREAD_MINUTES))),
                LIVE_MAX_CHILD_AGE);
    }

    private void newFamily() {
        Family family = liveFamily();
        int length = (int) Math.min(LONGEST_LIVE_CASE, 1 + Math.round(-Math.log(1 - generator.nextDouble()) * 9));
        Duration meanGap = Duration.ofMinutes(generator.between(5 * 24 * 60, 20 * 24 * 60));
        Duration shortest = LIVE_LONGEST_SPAN.dividedBy(length);
        for (CaseEvent event : generator.story(family, length, meanGap.compareTo(shortest) < 0 ? meanGap : shortest)) {
            script.add(new WorkloadCommand(
                    commandFor(event), family.caseworker(), event instanceof RequestReceived ? family : null));
        }
    }

    private void pickUp(OpenCase open) {
        ReceiveRequest request = open.request();
        Instant at = later(open.lastOccurredAt().isAfter(LIVE_START) ? open.lastOccurredAt() : LIVE_START);
        for (SubjectId party : FamilyGenerator.partiesWhoseConsentVisitsNeed(request)) {
            if (!open.consenting().contains(party)) {
                script.add(new WorkloadCommand(
                        new RecordConsent(request.caseId(), null, at, party), open.caseworker(), null));
                at = later(at);
            }
        }
        for (int visits = generator.between(1, 4); visits > 0; visits--) {
            List<SubjectId> minors = FamilyGenerator.minorsOn(request, at);
            if (minors.isEmpty()) {
                script.add(new WorkloadCommand(
                        new CloseIntervention(request.caseId(), null, at, ClosingReason.CHILD_TURNED_18),
                        open.caseworker(),
                        null));
                return;
            }
            script.add(new WorkloadCommand(
                    new MediateVisit(
                            request.caseId(),
                            null,
                            at,
                            minors,
                            VisitPlace.PRISON_VISITING_ROOM,
                            null,
                            Accompanier.staff(open.caseworker()),
                            Accompaniment.PROFESSIONAL,
                            FamilyGenerator.VISIT_MINUTES,
                            FamilyGenerator.VISIT_KILOMETRES),
                    open.caseworker(),
                    null));
            at = later(at);
        }
        if (generator.chance(0.2)) {
            script.add(new WorkloadCommand(
                    new CloseIntervention(request.caseId(), null, at, ClosingReason.PARENT_RELEASED),
                    open.caseworker(),
                    null));
        }
    }

    private Instant later(Instant at) {
        return at.plus(Duration.ofMinutes(generator.between(24 * 60, 10 * 24 * 60)));
    }

    /** The command that makes this event happen. */
    static Object commandFor(CaseEvent event) {
        if (event instanceof RequestReceived request) {
            return new ReceiveRequest(
                    request.caseId(),
                    request.occurredAt(),
                    request.referrerType(),
                    request.channel(),
                    request.team(),
                    request.prison(),
                    request.detainedParent(),
                    request.penalStatus(),
                    request.parties(),
                    request.children(),
                    request.educationalOrJudicialMeasure());
        }
        if (event instanceof RequestAccepted accepted) {
            return new AcceptRequest(accepted.caseId(), null, accepted.occurredAt());
        }
        if (event instanceof VisitingPermitIssued permit) {
            return new RecordVisitingPermit(
                    permit.caseId(),
                    null,
                    permit.occurredAt(),
                    permit.accompanier(),
                    permit.prison(),
                    permit.validUntil());
        }
        if (event instanceof ConsentRecorded consent) {
            return new RecordConsent(consent.caseId(), null, consent.occurredAt(), consent.party());
        }
        if (event instanceof ConsentWithdrawn withdrawal) {
            return new WithdrawConsent(withdrawal.caseId(), null, withdrawal.occurredAt(), withdrawal.party());
        }
        if (event instanceof VisitMediated visit) {
            return new MediateVisit(
                    visit.caseId(),
                    null,
                    visit.occurredAt(),
                    visit.children(),
                    visit.place(),
                    visit.visitId(),
                    visit.accompanier(),
                    visit.accompaniedBy(),
                    visit.durationMinutes(),
                    visit.kilometres());
        }
        if (event instanceof InterventionClosed closing) {
            return new CloseIntervention(closing.caseId(), null, closing.occurredAt(), closing.reason());
        }
        throw new IllegalArgumentException(
                "no command of the benchmark makes a " + event.getClass().getSimpleName());
    }
}
