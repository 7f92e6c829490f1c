package fr.rep.caseengine.command.familycase;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import fr.rep.caseengine.command.rule.RuleViolation;
import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.EventMetadata;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.*;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One family's case: it decides. Command handlers check the rules and apply events; the event-sourcing handler feeds
 * the case's facts ({@link CaseFacts}: consents, permits, custody, courts, children, visits) and keeps what only the
 * decisions need. Rules are judged at the moment a fact happened ({@code occurredAt}), because caseworkers record
 * after the fact: the facts answer as they held then. Handlers other than the creation return the case version after
 * the command.
 */
@Aggregate(cache = FamilyCaseCaching.NAME)
class FamilyCase {

    private static final int NURSERY_MONTHS = 18;
    private static final int NURSERY_MONTHS_WITH_DEROGATION = 24;
    static final String CASE_DEADLINE = "case-deadline";
    static final String INACTIVITY_CHECK = "case-inactivity";
    static final String SYSTEM_ACTOR = "system:deadlines";
    /** Deadline handlers run outside any request: their events name the system actor explicitly. */
    private static final MetaData AS_SYSTEM = MetaData.with(EventMetadata.ACTOR, SYSTEM_ACTOR);
    /** The entries a correction may void; the case page offers only these ({@link CaseActionsByStage}). */
    static final Set<Class<? extends CaseEvent>> CORRECTABLE = Set.of(
            VisitMediated.class,
            ContactStepTaken.class,
            InterviewHeld.class,
            HomeVisitMade.class,
            NurseryAccompanimentMade.class,
            ConsentRecorded.class,
            ConsentWithdrawn.class,
            CaseReviewed.class,
            CustodyChanged.class);

    @AggregateIdentifier
    private CaseId caseId;

    private CaseStage stage;
    private final CaseFacts facts = new CaseFacts();
    /** The entries a correction may name (their event ids). */
    private final Set<String> correctableEntries = new HashSet<>();

    private Instant lastEntryRecordedAt;
    private InterventionClosed closing;
    private RequestDeclined declining;
    /** When the case was closed or declined, as reported; null while it is open. */
    private Instant endedAt;

    private final Set<SubjectId> erased = new HashSet<>();
    private String assignedTo;

    protected FamilyCase() {
        // required by Axon to rebuild the case from its events
    }

    // ---- reception and evaluation -------------------------------------------------------------------------------

    @CommandHandler
    FamilyCase(ReceiveRequest command, Clock clock, DeadlineManager deadlines, DeadlinePolicy policy) {
        requireCompleteFamily(command);
        apply(new RequestReceived(
                command.caseId(),
                command.occurredAt(),
                clock.instant(),
                command.referrerType(),
                command.channel(),
                command.team(),
                command.prison(),
                command.detainedParent(),
                command.penalStatus(),
                command.parties(),
                command.children(),
                command.educationalOrJudicialMeasure()));
        command.children().forEach(child -> scheduleChildDeadlines(child, deadlines, policy, clock));
        schedule(
                deadlines,
                INACTIVITY_CHECK,
                clock.instant().plus(policy.inactivity()),
                new CaseDeadline(DeadlineKind.NO_RECENT_ACTIVITY, null, null, null));
    }

    @CommandHandler
    long handle(AcceptRequest command, Clock clock) {
        requireStageAllows(command);
        return record(new RequestAccepted(caseId, command.occurredAt(), clock.instant()));
    }

    @CommandHandler
    long handle(DeclineRequest command, Clock clock) {
        requireStageAllows(command);
        return record(new RequestDeclined(
                caseId, command.occurredAt(), clock.instant(), command.reason(), command.partiesNotified()));
    }

    @CommandHandler
    long handle(AssignCase command, Clock clock) {
        requireStageAllows(command);
        if (command.caseworker().equals(assignedTo)) {
            throw new RuleViolation(CaseRule.ALREADY_ASSIGNED, "the case is already assigned to " + assignedTo);
        }
        return record(new CaseAssigned(caseId, command.occurredAt(), clock.instant(), command.caseworker()));
    }

    @CommandHandler
    long handle(AddChild command, Clock clock, DeadlineManager deadlines, DeadlinePolicy policy) {
        requireStageAllows(command);
        ChildOnCase child = command.child();
        if (facts().children().containsKey(child.subjectId())
                || facts().parties().containsKey(child.subjectId())
                || !canHoldAuthority(child.parentalAuthority(), child.housing())) {
            throw new RuleViolation(
                    CaseRule.CHILD_ALREADY_ON_THE_CASE,
                    "child " + child.subjectId() + " is already on the case, or " + child.parentalAuthority()
                            + " holds no authority here");
        }
        long version = record(new ChildAdded(caseId, command.occurredAt(), clock.instant(), child));
        scheduleChildDeadlines(child, deadlines, policy, clock);
        return version;
    }

    @CommandHandler
    long handle(RecordNurseryDerogation command, Clock clock, DeadlineManager deadlines, DeadlinePolicy policy) {
        requireStageAllows(command);
        ChildOnCase child = requireBabyInPrison(command.child());
        long version =
                record(new NurseryDerogationGranted(caseId, command.occurredAt(), clock.instant(), command.child()));
        LocalDate separation = child.birthDate().plusMonths(NURSERY_MONTHS_WITH_DEROGATION);
        warnAhead(
                deadlines,
                policy,
                clock,
                new CaseDeadline(DeadlineKind.NURSERY_SEPARATION, child.subjectId(), null, separation));
        return version;
    }

    @CommandHandler
    long handle(RecordInterview command, Clock clock) {
        requireStageAllows(command);
        return record(new InterviewHeld(
                caseId,
                command.occurredAt(),
                clock.instant(),
                command.kind(),
                List.copyOf(command.participants()),
                command.place(),
                command.kilometres()));
    }

    // ---- consents -----------------------------------------------------------------------------------------------

    @CommandHandler
    long handle(RecordConsent command, Clock clock, DeadlineManager deadlines, DeadlinePolicy policy) {
        requireStageAllows(command);
        PartyRole role = requireParty(command.party());
        if (consentIsCurrent(command.party(), command.occurredAt(), clock.getZone())) {
            throw new RuleViolation(
                    CaseRule.CONSENT_ALREADY_CURRENT,
                    "the " + describe(role) + " " + command.party() + " already consents at that date");
        }
        long version = record(new ConsentRecorded(
                caseId, command.occurredAt(), clock.instant(), command.party(), role, command.validUntil()));
        if (command.validUntil() != null) {
            warnAhead(
                    deadlines,
                    policy,
                    clock,
                    new CaseDeadline(DeadlineKind.CONSENT_EXPIRES, null, null, command.validUntil(), command.party()));
        }
        return version;
    }

    @CommandHandler
    long handle(WithdrawConsent command, Clock clock) {
        requireStageAllows(command);
        PartyRole role = requireParty(command.party());
        if (!consentIsCurrent(command.party(), command.occurredAt(), clock.getZone())) {
            throw new RuleViolation(
                    CaseRule.NO_CURRENT_CONSENT_TO_WITHDRAW,
                    "the " + describe(role) + " " + command.party() + " has no current consent at that date");
        }
        return record(new ConsentWithdrawn(caseId, command.occurredAt(), clock.instant(), command.party(), role));
    }

    // ---- setting up ---------------------------------------------------------------------------------------------

    @CommandHandler
    long handle(ReviewCase command, Clock clock) {
        requireStageAllows(command);
        return record(new CaseReviewed(
                caseId, command.occurredAt(), clock.instant(), command.plannedVisitsPerMonth(), command.kilometres()));
    }

    @CommandHandler
    long handle(RecordVisitingPermit command, Clock clock, DeadlineManager deadlines, DeadlinePolicy policy) {
        requireStageAllows(command);
        requireAccompanier(command.accompanier(), command.namedNow());
        long version = record(new VisitingPermitIssued(
                caseId,
                command.occurredAt(),
                clock.instant(),
                command.accompanier(),
                command.prison(),
                command.validUntil()));
        warnAhead(
                deadlines,
                policy,
                clock,
                new CaseDeadline(DeadlineKind.PERMIT_EXPIRES, null, command.accompanier(), command.validUntil()));
        return version;
    }

    @CommandHandler
    long handle(ExpireVisitingPermit command, Clock clock) {
        requireStageAllows(command);
        if (!facts().permitRecorded(command.accompanier(), command.prison())) {
            throw new RuleViolation(
                    CaseRule.PERMIT_TO_EXPIRE,
                    describe(command.accompanier()) + " has no permit for "
                            + command.prison().label() + " on this case");
        }
        if (command.accompanier().recordedBefore()) {
            throw new RuleViolation(
                    CaseRule.ACCOMPANIER_OF_THE_CASE,
                    "an accompanier recorded by name before "
                            + "cannot be referred to: record the permit's holder again");
        }
        return record(new VisitingPermitExpired(
                caseId, command.occurredAt(), clock.instant(), command.accompanier(), command.prison()));
    }

    // ---- visits -------------------------------------------------------------------------------------------------

    @CommandHandler
    long handle(ScheduleVisit command, Clock clock, PrisonSuspensions suspensions) {
        requireStageAllows(command);
        requireChildrenOfTheCase(command.children());
        requireNoCourtBar(
                command.children(),
                command.plannedFor(),
                clock.getZone(),
                CaseRule.NO_VISIT_UNDER_NO_CONTACT_ORDER,
                CaseRule.NO_VISIT_WITHOUT_VISITING_RIGHTS);
        requireAccompanier(command.accompanier(), command.namedNow());
        if (command.place() == VisitPlace.PRISON_VISITING_ROOM) {
            requireNoSuspension(suspensions, command.plannedFor(), clock.getZone());
        }
        if (facts().visit(command.visitId()) != null) {
            throw new RuleViolation(CaseRule.VISIT_MUST_BE_SCHEDULED, "a visit with this id is already on the case");
        }
        return record(new VisitScheduled(
                caseId,
                command.occurredAt(),
                clock.instant(),
                command.visitId(),
                command.plannedFor(),
                List.copyOf(command.children()),
                command.place(),
                command.accompanier()));
    }

    @CommandHandler
    long handle(MediateVisit command, Clock clock, PrisonSuspensions suspensions) {
        requireStageAllows(command);
        requireChildrenOfTheCase(command.children());
        Instant at = command.occurredAt();
        requireMinors(command.children(), date(at, clock.getZone()));
        requireNoCourtBar(
                command.children(),
                at,
                clock.getZone(),
                CaseRule.NO_VISIT_UNDER_NO_CONTACT_ORDER,
                CaseRule.NO_VISIT_WITHOUT_VISITING_RIGHTS);
        requireConsents(command.children(), at, clock.getZone());
        requirePlaceMatchingCustody(command.place(), at);
        requireAccompanier(command.accompanier(), command.namedNow());
        if (command.place() == VisitPlace.PRISON_VISITING_ROOM) {
            requirePermit(command.accompanier(), at, clock.getZone());
            requireNoSuspension(suspensions, at, clock.getZone());
        }
        if (command.visitId() != null) {
            requireScheduled(command.visitId());
        }
        return record(new VisitMediated(
                caseId,
                at,
                clock.instant(),
                command.children(),
                command.place(),
                command.visitId(),
                command.accompanier(),
                command.accompaniedBy(),
                command.durationMinutes(),
                command.kilometres()));
    }

    @CommandHandler
    long handle(RecordContactStep command, Clock clock) {
        requireStageAllows(command);
        requireChildrenOfTheCase(command.children());
        requireNoCourtBar(
                command.children(),
                command.occurredAt(),
                clock.getZone(),
                CaseRule.NO_CONTACT_STEP_UNDER_NO_CONTACT_ORDER,
                CaseRule.NO_CONTACT_STEP_WITHOUT_VISITING_RIGHTS);
        return record(new ContactStepTaken(
                caseId,
                command.occurredAt(),
                clock.instant(),
                command.step(),
                List.copyOf(command.children()),
                command.mediatedBy(),
                command.kilometres()));
    }

    @CommandHandler
    long handle(CancelVisit command, Clock clock) {
        requireStageAllows(command);
        requireScheduled(command.visitId());
        return record(
                new VisitCancelled(caseId, command.occurredAt(), clock.instant(), command.visitId(), command.reason()));
    }

    @CommandHandler
    long handle(RecordHomeVisit command, Clock clock) {
        requireStageAllows(command);
        return record(new HomeVisitMade(caseId, command.occurredAt(), clock.instant(), command.kilometres()));
    }

    @CommandHandler
    long handle(RecordNurseryAccompaniment command, Clock clock) {
        requireStageAllows(command);
        requireBabyInPrison(command.child());
        return record(new NurseryAccompanimentMade(
                caseId, command.occurredAt(), clock.instant(), command.child(), command.kilometres()));
    }

    // ---- the parent's penal path and the courts -----------------------------------------------------------------

    @CommandHandler
    long handle(RecordCustodyChange command, Clock clock) {
        requireStageAllows(command);
        Prison newPrison = command.change() == CustodyChange.TRANSFERRED ? command.prison() : null;
        return record(new CustodyChanged(caseId, command.occurredAt(), clock.instant(), command.change(), newPrison));
    }

    @CommandHandler
    long handle(RecordCourtDecision command, Clock clock) {
        requireStageAllows(command);
        requireChildrenOfTheCase(command.children());
        return record(new CourtDecisionRecorded(
                caseId,
                command.occurredAt(),
                clock.instant(),
                command.court(),
                command.rights(),
                List.copyOf(command.children())));
    }

    @CommandHandler
    long handle(OrderNoContact command, Clock clock) {
        requireStageAllows(command);
        requireChildrenOfTheCase(command.children());
        return record(new NoContactOrdered(
                caseId, command.occurredAt(), clock.instant(), command.court(), List.copyOf(command.children())));
    }

    @CommandHandler
    long handle(LiftNoContactOrder command, Clock clock) {
        requireStageAllows(command);
        requireChildrenOfTheCase(command.children());
        return record(new NoContactOrderLifted(
                caseId, command.occurredAt(), clock.instant(), List.copyOf(command.children())));
    }

    // ---- corrections, closing, reopening ------------------------------------------------------------------------

    @CommandHandler
    long handle(CorrectEntry command, Clock clock) {
        requireStageAllows(command);
        boolean corrected = facts().voided().containsKey(command.correctedEventId());
        if (!correctableEntries.contains(command.correctedEventId()) || corrected) {
            throw new RuleViolation(
                    CaseRule.ENTRY_CORRECTABLE_ONCE,
                    corrected
                            ? "this entry was already corrected"
                            : "the entry named is not one of this case's that can be corrected");
        }
        return record(new EntryCorrected(
                caseId, command.occurredAt(), clock.instant(), command.correctedEventId(), command.reason()));
    }

    @CommandHandler
    long handle(CloseIntervention command, Clock clock) {
        requireStageAllows(command);
        if (command.reason() == null) {
            throw new RuleViolation(CaseRule.CLOSING_NEEDS_REASON, "no reason was given");
        }
        if (command.reason() == ClosingReason.CHILD_TURNED_18) {
            LocalDate closingDate = date(command.occurredAt(), clock.getZone());
            List<String> minors = new ArrayList<>();
            facts().children().values().forEach(child -> {
                if (CaseFacts.age(child, closingDate) < CaseFacts.ADULT_AGE) {
                    minors.add(child.subjectId() + " (" + CaseFacts.age(child, closingDate) + ")");
                }
            });
            if (!minors.isEmpty()) {
                throw new RuleViolation(
                        CaseRule.CHILD_TURNED_18_NEEDS_NO_MINOR,
                        "still minor on " + closingDate + ": " + String.join(", ", minors));
            }
        }
        return record(new InterventionClosed(caseId, command.occurredAt(), clock.instant(), command.reason()));
    }

    @CommandHandler
    long handle(ReopenCase command, Clock clock, DeadlineManager deadlines, DeadlinePolicy policy) {
        requireStageAllows(command);
        long version = record(new CaseReopened(caseId, command.occurredAt(), clock.instant()));
        schedule(
                deadlines,
                INACTIVITY_CHECK,
                clock.instant().plus(policy.inactivity()),
                new CaseDeadline(DeadlineKind.NO_RECENT_ACTIVITY, null, null, null));
        return version;
    }

    // ---- erasure of personal data ------------------------------------------------------------------------------

    /**
     * Erasure is a legal obligation, not a step of the support: it is accepted in every stage, closed cases included,
     * and outside the lifecycle table. The event is dated by the server: it happens when it is recorded.
     */
    @CommandHandler
    long handle(ErasePerson command, Clock clock) {
        if (!isPersonOfTheCase(command.subject())) {
            throw new RuleViolation(
                    CaseRule.ERASURE_OF_A_PERSON_OF_THE_CASE, command.subject() + " is not a person of this case");
        }
        if (erased.contains(command.subject())) {
            throw new RuleViolation(
                    CaseRule.PERSON_ERASED_ONCE, "the personal data of " + command.subject() + " was already erased");
        }
        return record(
                new PersonalDataErased(caseId, clock.instant(), clock.instant(), command.subject(), command.reason()));
    }

    /** Erases, as the retention period ended, everyone not erased yet; nobody when the case is open again. */
    @CommandHandler
    List<SubjectId> handle(ErasePeopleOfCase command, Clock clock) {
        if (endedAt == null || !endedAt.isBefore(command.endedBefore())) {
            return List.of();
        }
        CaseFacts.Known known = facts();
        List<SubjectId> people = new ArrayList<>(List.of(known.detainedParent()));
        known.parties().keySet().stream()
                .filter(party -> !party.equals(known.detainedParent()))
                .sorted(Comparator.comparing(SubjectId::value))
                .forEach(people::add);
        people.addAll(known.children().keySet());
        known.accompaniers().stream()
                .sorted(Comparator.comparing(SubjectId::value))
                .forEach(people::add);
        people.removeAll(erased);
        Instant now = clock.instant();
        people.forEach(subject ->
                apply(new PersonalDataErased(caseId, now, now, subject, ErasureReason.RETENTION_PERIOD_ENDED)));
        return people;
    }

    private boolean isPersonOfTheCase(SubjectId subject) {
        CaseFacts.Known known = facts();
        return known.parties().containsKey(subject)
                || known.children().containsKey(subject)
                || known.accompaniers().contains(subject);
    }

    // ---- deadlines ----------------------------------------------------------------------------------------------

    /** A due date warned of ahead: raises the warning if it still applies when it fires (the case may have moved). */
    @DeadlineHandler(deadlineName = CASE_DEADLINE)
    void onDeadline(CaseDeadline deadline, @Timestamp Instant firedAt, Clock clock) {
        if (stage == CaseStage.CLOSED || stage == CaseStage.DECLINED || !stillDue(deadline, firedAt)) {
            return;
        }
        apply(
                new DeadlineApproaching(
                        caseId,
                        firedAt,
                        clock.instant(),
                        deadline.kind(),
                        deadline.child(),
                        deadline.accompanier(),
                        deadline.dueOn(),
                        deadline.party()),
                AS_SYSTEM);
    }

    /**
     * Checks for inactivity: when nothing was recorded for the configured period, raises the follow-up and checks
     * again one period later; otherwise checks again when the period after the last entry ends. The check's own
     * time is its trigger time, so each check moves strictly forward.
     */
    @DeadlineHandler(deadlineName = INACTIVITY_CHECK)
    void onInactivityCheck(
            CaseDeadline check, @Timestamp Instant now, Clock clock, DeadlineManager deadlines, DeadlinePolicy policy) {
        if (stage == CaseStage.CLOSED || stage == CaseStage.DECLINED) {
            return;
        }
        Instant due = lastEntryRecordedAt.plus(policy.inactivity());
        if (now.isBefore(due)) {
            schedule(deadlines, INACTIVITY_CHECK, due, check);
            return;
        }
        apply(
                new DeadlineApproaching(
                        caseId,
                        now,
                        clock.instant(),
                        DeadlineKind.NO_RECENT_ACTIVITY,
                        null,
                        null,
                        date(due, clock.getZone()),
                        null),
                AS_SYSTEM);
        schedule(deadlines, INACTIVITY_CHECK, now.plus(policy.inactivity()), check);
    }

    private boolean stillDue(CaseDeadline deadline, Instant now) {
        CaseFacts.Known known = facts();
        return switch (deadline.kind()) {
            case CHILD_TURNS_18 -> known.children().containsKey(deadline.child());
            case NURSERY_SEPARATION -> {
                ChildOnCase child = known.children().get(deadline.child());
                boolean derogation = known.nurseryDerogation(deadline.child());
                yield child != null
                        && child.housing() == HousingType.WITH_MOTHER_IN_PRISON
                        && deadline.dueOn()
                                .equals(child.birthDate()
                                        .plusMonths(derogation ? NURSERY_MONTHS_WITH_DEROGATION : NURSERY_MONTHS));
            }
            case PERMIT_EXPIRES -> {
                CaseFacts.Permit permit = known.permit(deadline.accompanier(), known.prison(now), now);
                yield permit != null && !permit.ended() && deadline.dueOn().equals(permit.validUntil());
            }
            case CONSENT_EXPIRES -> {
                CaseFacts.Consent consent = known.consent(deadline.party(), now);
                yield consent != null && consent.given() && deadline.dueOn().equals(consent.validUntil());
            }
            case NO_RECENT_ACTIVITY -> true;
        };
    }

    private void scheduleChildDeadlines(
            ChildOnCase child, DeadlineManager deadlines, DeadlinePolicy policy, Clock clock) {
        LocalDate adult = child.birthDate().plusYears(CaseFacts.ADULT_AGE);
        warnAhead(
                deadlines,
                policy,
                clock,
                new CaseDeadline(DeadlineKind.CHILD_TURNS_18, child.subjectId(), null, adult));
        if (child.housing() == HousingType.WITH_MOTHER_IN_PRISON) {
            LocalDate separation = child.birthDate().plusMonths(NURSERY_MONTHS);
            warnAhead(
                    deadlines,
                    policy,
                    clock,
                    new CaseDeadline(DeadlineKind.NURSERY_SEPARATION, child.subjectId(), null, separation));
        }
    }

    /** Schedules the warning of a date still to come; a date already past (recorded late) warns of nothing. */
    private static void warnAhead(
            DeadlineManager deadlines, DeadlinePolicy policy, Clock clock, CaseDeadline deadline) {
        if (deadline.dueOn().isBefore(LocalDate.now(clock))) {
            return;
        }
        schedule(
                deadlines,
                CASE_DEADLINE,
                deadline.dueOn().atStartOfDay(clock.getZone()).toInstant().minus(policy.notice()),
                deadline);
    }

    /** Deadlines fire as the system actor: the events they raise never name the caseworker who scheduled them. */
    private static void schedule(DeadlineManager deadlines, String name, Instant at, CaseDeadline deadline) {
        deadlines.schedule(at, name, new GenericMessage<>(deadline, AS_SYSTEM));
    }

    // ---- rules --------------------------------------------------------------------------------------------------

    private long record(CaseEvent event) {
        apply(event);
        return AggregateLifecycle.getVersion();
    }

    private static void requireCompleteFamily(ReceiveRequest command) {
        if (command.children() == null || command.children().isEmpty()) {
            throw new RuleViolation(CaseRule.REQUEST_NEEDS_A_COMPLETE_FAMILY, "the request names no child");
        }
        Set<SubjectId> people = new HashSet<>();
        people.add(command.detainedParent());
        Set<SubjectId> authorityHolders = new HashSet<>();
        for (PartyOnCase party : command.parties()) {
            if (!people.add(party.subjectId())) {
                throw new RuleViolation(
                        CaseRule.REQUEST_NEEDS_A_COMPLETE_FAMILY,
                        party.subjectId() + " appears twice among the people of the request");
            }
            if (party.role().holdsParentalAuthority()) {
                authorityHolders.add(party.subjectId());
            }
        }
        for (ChildOnCase child : command.children()) {
            if (!people.add(child.subjectId())) {
                throw new RuleViolation(
                        CaseRule.REQUEST_NEEDS_A_COMPLETE_FAMILY,
                        child.subjectId() + " appears twice among the people of the request");
            }
            boolean motherWithBaby = child.housing() == HousingType.WITH_MOTHER_IN_PRISON
                    && command.detainedParent().equals(child.parentalAuthority());
            if (!authorityHolders.contains(child.parentalAuthority()) && !motherWithBaby) {
                throw new RuleViolation(
                        CaseRule.REQUEST_NEEDS_A_COMPLETE_FAMILY,
                        "child " + child.subjectId() + " has no holder of parental authority among the parties");
            }
        }
    }

    /** A party holding authority; or the detained mother for the baby living with her in prison. */
    private boolean canHoldAuthority(SubjectId holder, HousingType housing) {
        PartyRole role = facts().parties().get(holder);
        return role != null
                && (role.holdsParentalAuthority()
                        || (role == PartyRole.DETAINED_PARENT && housing == HousingType.WITH_MOTHER_IN_PRISON));
    }

    private void requireStageAllows(Object command) {
        if (Lifecycle.allows(stage, command.getClass())) {
            return;
        }
        String why = stage == CaseStage.CLOSED
                ? LifecycleWords.words(closing.reason())
                : stage == CaseStage.DECLINED ? LifecycleWords.words(declining.reason()) : null;
        throw LifecycleWords.refusal(stage, command.getClass(), why);
    }

    private PartyRole requireParty(SubjectId party) {
        PartyRole role = facts().parties().get(party);
        if (role == null) {
            throw new RuleViolation(
                    CaseRule.CONSENT_FROM_A_PARTY,
                    party + " is not the detained parent nor a holder of parental authority on this case");
        }
        return role;
    }

    private void requireChildrenOfTheCase(List<SubjectId> present) {
        if (present == null || present.isEmpty()) {
            throw new RuleViolation(CaseRule.VISIT_NEEDS_CHILDREN_OF_THE_CASE, "no child is named");
        }
        if (new HashSet<>(present).size() < present.size()) {
            throw new RuleViolation(CaseRule.VISIT_NEEDS_CHILDREN_OF_THE_CASE, "a child is listed twice");
        }
        Map<SubjectId, ChildOnCase> children = facts().children();
        for (SubjectId child : present) {
            if (!children.containsKey(child)) {
                throw new RuleViolation(
                        CaseRule.VISIT_NEEDS_CHILDREN_OF_THE_CASE, child + " is not a child of this case");
            }
        }
    }

    private void requireMinors(List<SubjectId> present, LocalDate visitDate) {
        Map<SubjectId, ChildOnCase> children = facts().children();
        for (SubjectId child : present) {
            int age = CaseFacts.age(children.get(child), visitDate);
            if (age >= CaseFacts.ADULT_AGE) {
                throw new RuleViolation(
                        CaseRule.NO_VISIT_WITH_ADULT_CHILD,
                        "child " + child + " is " + age + " on " + visitDate + " (born "
                                + children.get(child).birthDate() + ")");
            }
        }
    }

    /** A court's bar on contact, refused by the rule of the step asked: a visit's, or a photo's, letter's or call's. */
    private void requireNoCourtBar(
            List<SubjectId> present, Instant at, ZoneId zone, CaseRule underOrder, CaseRule withoutRights) {
        CaseFacts.Known known = facts();
        for (SubjectId child : present) {
            NoContactOrdered order = known.noContactOrder(child, at);
            if (order != null) {
                throw new RuleViolation(
                        underOrder,
                        "the no-contact order of the "
                                + LifecycleWords.words(order.court()) + " dated "
                                + date(order.occurredAt(), zone) + " covers child " + child);
            }
            if (known.visitingRights(child, at) == VisitingRights.RESERVED) {
                throw new RuleViolation(
                        withoutRights, "a court reserved the visiting rights for child " + child + " on that date");
            }
        }
    }

    private void requireConsents(List<SubjectId> present, Instant visitAt, ZoneId zone) {
        CaseFacts.Known known = facts();
        Map<SubjectId, PartyRole> needed = new LinkedHashMap<>();
        needed.put(known.detainedParent(), PartyRole.DETAINED_PARENT);
        for (SubjectId child : present) {
            SubjectId holder = known.children().get(child).parentalAuthority();
            needed.put(holder, known.parties().get(holder));
        }
        List<String> missing = new ArrayList<>();
        needed.forEach((party, role) -> {
            if (!known.consents(party, visitAt, zone)) {
                CaseFacts.Consent consent = known.consent(party, visitAt);
                missing.add(describe(role) + " " + party
                        + (consent == null
                                ? " (no consent recorded)"
                                : consent.given()
                                        ? " (consent ended on " + consent.validUntil() + ")"
                                        : " (consent withdrawn)"));
            }
        });
        if (!missing.isEmpty()) {
            throw new RuleViolation(
                    CaseRule.CONSENTS_REQUIRED_FOR_VISIT,
                    "missing consent at the visit date from " + String.join(", ", missing));
        }
    }

    private void requirePlaceMatchingCustody(VisitPlace place, Instant at) {
        boolean custody = facts().inCustody(at);
        if (custody != (place == VisitPlace.PRISON_VISITING_ROOM)) {
            throw new RuleViolation(
                    CaseRule.VISIT_PLACE_FOLLOWS_CUSTODY,
                    "on that date the parent is "
                            + (custody
                                    ? "in custody: the visit must be in the visiting room"
                                    : "in open setting: the visit must be outside prison"));
        }
    }

    /**
     * A person accompanying is one this case knows, or one the same request just named: a subject id of another
     * case, or made up, would tie a stranger's name to this case.
     */
    private void requireAccompanier(Accompanier accompanier, boolean namedNow) {
        if (accompanier == null || accompanier.person() == null) {
            return;
        }
        boolean known = facts().accompaniers().contains(accompanier.person());
        if (known == namedNow || isPersonOfTheCase(accompanier.person()) && !known) {
            throw new RuleViolation(
                    CaseRule.ACCOMPANIER_OF_THE_CASE,
                    known
                            ? "person " + accompanier.person() + " already accompanies on this case"
                            : "person " + accompanier.person() + " does not accompany on this case");
        }
    }

    private void requirePermit(Accompanier accompanier, Instant at, ZoneId zone) {
        Prison where = facts().prison(at);
        CaseFacts.Permit permit = accompanier == null ? null : facts().permit(accompanier, where, at);
        if (permit == null || !permit.inForceOn(date(at, zone))) {
            throw new RuleViolation(
                    CaseRule.PRISON_VISIT_NEEDS_A_VALID_PERMIT,
                    (accompanier == null
                                    ? "no accompanier is named"
                                    : describe(accompanier) + " holds no valid permit for " + where.label())
                            + " on " + date(at, zone));
        }
    }

    private void requireNoSuspension(PrisonSuspensions suspensions, Instant at, ZoneId zone) {
        Prison where = facts().prison(at);
        if (where == null) {
            return;
        }
        suspensions.covering(where, at).ifPresent(suspension -> {
            throw new RuleViolation(
                    CaseRule.NO_PRISON_VISIT_DURING_SUSPENSION,
                    where.label()
                            + " suspended all visits from " + date(suspension.from(), zone) + " to "
                            + date(suspension.until().minusNanos(1), zone) + " ("
                            + LifecycleWords.words(suspension.reason()) + ")");
        });
    }

    private void requireScheduled(java.util.UUID visitId) {
        CaseFacts.VisitStatus status = facts().visit(visitId);
        if (status != CaseFacts.VisitStatus.SCHEDULED) {
            throw new RuleViolation(
                    CaseRule.VISIT_MUST_BE_SCHEDULED,
                    status == null
                            ? "no visit with this id was scheduled on this case"
                            : status == CaseFacts.VisitStatus.HELD
                                    ? "this visit was already held"
                                    : "this visit was cancelled");
        }
    }

    private ChildOnCase requireBabyInPrison(SubjectId subject) {
        ChildOnCase child = facts().children().get(subject);
        if (child == null || child.housing() != HousingType.WITH_MOTHER_IN_PRISON) {
            throw new RuleViolation(
                    CaseRule.NURSERY_IS_FOR_BABIES_WITH_THEIR_MOTHER,
                    subject + " is not a child of this case living with the mother in prison");
        }
        return child;
    }

    private boolean consentIsCurrent(SubjectId party, Instant at, ZoneId zone) {
        return facts().consents(party, at, zone);
    }

    /** The facts as the case knows them now: every entry recorded, corrections applied. */
    CaseFacts.Known facts() {
        return facts.all();
    }

    private static LocalDate date(Instant instant, ZoneId zone) {
        return CaseFacts.date(instant, zone);
    }

    /** A staff accompanier by their account name, another by their subject id (never their name: not in events). */
    private static String describe(Accompanier accompanier) {
        return accompanier.account() != null
                ? accompanier.account()
                : accompanier.person() != null
                        ? "person " + accompanier.person()
                        : "the accompanier recorded by name before";
    }

    private static String describe(PartyRole role) {
        return switch (role) {
            case DETAINED_PARENT -> "detained parent";
            case FREE_PARENT -> "free parent";
            case ASE -> "ASE referent";
            case LEGAL_GUARDIAN -> "legal guardian";
        };
    }

    // ---- state ------------------------------------------------------------------------------------------------

    /**
     * The one event-sourcing handler (Axon calls a single handler per event): it feeds the facts, keeps what the
     * decisions alone need, moves the stage by the shared table, and remembers entries a correction may point at.
     */
    @EventSourcingHandler
    void on(CaseEvent event, EventMessage<?> message) {
        facts.fold(message.getIdentifier(), event);
        if (event instanceof RequestReceived received) {
            caseId = received.caseId();
        } else if (event instanceof CaseAssigned assignment) {
            assignedTo = assignment.caseworker();
        } else if (event instanceof InterventionClosed closed) {
            closing = closed;
        } else if (event instanceof RequestDeclined declined) {
            declining = declined;
        } else if (event instanceof PersonalDataErased erasure) {
            erased.add(erasure.subject());
        }
        if (event instanceof InterventionClosed || event instanceof RequestDeclined) {
            endedAt = event.occurredAt();
        } else if (event instanceof CaseReopened) {
            endedAt = null;
        }
        if (!(event instanceof DeadlineApproaching) && !(event instanceof PersonalDataErased)) {
            lastEntryRecordedAt = event.recordedAt();
        }
        stage = CaseStage.next(stage, event);
        if (CORRECTABLE.contains(event.getClass())) {
            correctableEntries.add(message.getIdentifier());
        }
    }
}
