package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.EventMetadata;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.*;
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

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One family's case. Command handlers check the rules and apply events; event-sourcing handlers only assign state.
 * Rules are judged at the moment a fact happened ({@code occurredAt}), because caseworkers record after the fact:
 * consents, custody, court orders and permits are kept as timelines. Handlers other than the creation return the
 * case version after the command.
 */
@Aggregate(cache = FamilyCaseCaching.NAME)
class FamilyCase {

    private static final int ADULT_AGE = 18;
    private static final int NURSERY_MONTHS = 18;
    private static final int NURSERY_MONTHS_WITH_DEROGATION = 24;
    static final String CASE_DEADLINE = "case-deadline";
    static final String INACTIVITY_CHECK = "case-inactivity";
    static final String SYSTEM_ACTOR = "system:deadlines";
    /** Deadline handlers run outside any request: their events name the system actor explicitly. */
    private static final MetaData AS_SYSTEM = MetaData.with(EventMetadata.ACTOR, SYSTEM_ACTOR);
    /** The entries a correction may void; the case page offers only these ({@link CaseActionsByStage}). */
    static final Set<Class<? extends CaseEvent>> CORRECTABLE = Set.of(VisitMediated.class,
            ContactStepTaken.class,
            InterviewHeld.class, HomeVisitMade.class, NurseryAccompanimentMade.class, ConsentRecorded.class,
            ConsentWithdrawn.class, CaseReviewed.class, CustodyChanged.class);

    private enum VisitStatus { SCHEDULED, HELD, CANCELLED }

    private record Permit(Accompanier accompanier, Prison prison) {
    }

    @AggregateIdentifier
    private CaseId caseId;
    private CaseStage stage;
    private SubjectId detainedParent;
    private final Map<SubjectId, PartyRole> parties = new HashMap<>();
    private final Map<SubjectId, ChildOnCase> children = new LinkedHashMap<>();
    /** Per party, the last day their consent holds ({@link LocalDate#MAX} without end; null once withdrawn). */
    private final Map<SubjectId, Timeline<LocalDate>> consents = new HashMap<>();
    private final Map<SubjectId, Timeline<NoContactOrdered>> noContactOrders = new HashMap<>();
    private final Map<SubjectId, Timeline<VisitingRights>> visitingRights = new HashMap<>();
    private final Timeline<Boolean> inCustody = new Timeline<>(true);
    private Timeline<Prison> prison;
    private final Map<Permit, Timeline<LocalDate>> permits = new HashMap<>();
    private final Map<java.util.UUID, VisitStatus> visits = new HashMap<>();
    private final Map<String, CaseEvent> correctableEntries = new HashMap<>();
    private final Set<String> correctedEntries = new HashSet<>();
    private final Set<SubjectId> nurseryDerogations = new HashSet<>();
    private Instant lastEntryRecordedAt;
    private InterventionClosed closing;
    /** When the case was closed or declined, as reported; null while it is open. */
    private Instant endedAt;
    private final Set<SubjectId> erased = new HashSet<>();
    /** The people without an account who accompany on this case (their names are in the personal-data store). */
    private final Set<SubjectId> accompaniers = new HashSet<>();
    private String assignedTo;

    protected FamilyCase() {
        // required by Axon to rebuild the case from its events
    }

    // ---- reception and evaluation -------------------------------------------------------------------------------

    @CommandHandler
    FamilyCase(ReceiveRequest command, Clock clock, DeadlineManager deadlines, DeadlinePolicy policy) {
        requireCompleteFamily(command);
        apply(new RequestReceived(command.caseId(), command.occurredAt(), clock.instant(),
                command.referrerType(), command.channel(), command.team(), command.prison(),
                command.detainedParent(), command.penalStatus(), command.parties(), command.children(),
                command.educationalOrJudicialMeasure()));
        command.children().forEach(child -> scheduleChildDeadlines(child, deadlines, policy, clock));
        schedule(deadlines, INACTIVITY_CHECK, clock.instant().plus(policy.inactivity()),
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
        return record(new RequestDeclined(caseId, command.occurredAt(), clock.instant(), command.reason(),
                command.partiesNotified()));
    }

    @CommandHandler
    long handle(AssignCase command, Clock clock) {
        requireStageAllows(command);
        if (command.caseworker().equals(assignedTo)) {
            throw new CaseRuleViolation(CaseRule.ALREADY_ASSIGNED, "the case is already assigned to " + assignedTo);
        }
        return record(new CaseAssigned(caseId, command.occurredAt(), clock.instant(), command.caseworker()));
    }

    @CommandHandler
    long handle(AddChild command, Clock clock, DeadlineManager deadlines, DeadlinePolicy policy) {
        requireStageAllows(command);
        ChildOnCase child = command.child();
        if (children.containsKey(child.subjectId()) || parties.containsKey(child.subjectId())
                || !canHoldAuthority(child.parentalAuthority(), child.housing())) {
            throw new CaseRuleViolation(CaseRule.CHILD_ALREADY_ON_THE_CASE, "child " + child.subjectId()
                    + " is already on the case, or " + child.parentalAuthority() + " holds no authority here");
        }
        long version = record(new ChildAdded(caseId, command.occurredAt(), clock.instant(), child));
        scheduleChildDeadlines(child, deadlines, policy, clock);
        return version;
    }

    @CommandHandler
    long handle(RecordNurseryDerogation command, Clock clock, DeadlineManager deadlines, DeadlinePolicy policy) {
        requireStageAllows(command);
        ChildOnCase child = children.get(command.child());
        if (child == null || child.housing() != HousingType.WITH_MOTHER_IN_PRISON) {
            throw new CaseRuleViolation(CaseRule.NURSERY_IS_FOR_BABIES_WITH_THEIR_MOTHER,
                    command.child() + " is not a child of this case living with the mother in prison");
        }
        long version = record(new NurseryDerogationGranted(caseId, command.occurredAt(), clock.instant(),
                command.child()));
        LocalDate separation = child.birthDate().plusMonths(NURSERY_MONTHS_WITH_DEROGATION);
        warnAhead(deadlines, policy, clock,
                new CaseDeadline(DeadlineKind.NURSERY_SEPARATION, child.subjectId(), null, separation));
        return version;
    }

    @CommandHandler
    long handle(RecordInterview command, Clock clock) {
        requireStageAllows(command);
        return record(new InterviewHeld(caseId, command.occurredAt(), clock.instant(), command.kind(),
                List.copyOf(command.participants()), command.place(), command.kilometres()));
    }

    // ---- consents -----------------------------------------------------------------------------------------------

    @CommandHandler
    long handle(RecordConsent command, Clock clock, DeadlineManager deadlines, DeadlinePolicy policy) {
        requireStageAllows(command);
        PartyRole role = requireParty(command.party());
        if (consentIsCurrent(command.party(), command.occurredAt(), clock.getZone())) {
            throw new CaseRuleViolation(CaseRule.CONSENT_ALREADY_CURRENT,
                    "the " + describe(role) + " " + command.party() + " already consents at that date");
        }
        long version = record(new ConsentRecorded(caseId, command.occurredAt(), clock.instant(), command.party(),
                role, command.validUntil()));
        if (command.validUntil() != null) {
            warnAhead(deadlines, policy, clock, new CaseDeadline(DeadlineKind.CONSENT_EXPIRES, null, null,
                    command.validUntil(), command.party()));
        }
        return version;
    }

    @CommandHandler
    long handle(WithdrawConsent command, Clock clock) {
        requireStageAllows(command);
        PartyRole role = requireParty(command.party());
        if (!consentIsCurrent(command.party(), command.occurredAt(), clock.getZone())) {
            throw new CaseRuleViolation(CaseRule.NO_CURRENT_CONSENT_TO_WITHDRAW,
                    "the " + describe(role) + " " + command.party() + " has no current consent at that date");
        }
        return record(new ConsentWithdrawn(caseId, command.occurredAt(), clock.instant(), command.party(), role));
    }

    // ---- setting up ---------------------------------------------------------------------------------------------

    @CommandHandler
    long handle(ReviewCase command, Clock clock) {
        requireStageAllows(command);
        return record(new CaseReviewed(caseId, command.occurredAt(), clock.instant(),
                command.plannedVisitsPerMonth(), command.kilometres()));
    }

    @CommandHandler
    long handle(RecordVisitingPermit command, Clock clock, DeadlineManager deadlines, DeadlinePolicy policy) {
        requireStageAllows(command);
        requireAccompanier(command.accompanier(), command.namedNow());
        long version = record(new VisitingPermitIssued(caseId, command.occurredAt(), clock.instant(),
                command.accompanier(), command.prison(), command.validUntil()));
        warnAhead(deadlines, policy, clock,
                new CaseDeadline(DeadlineKind.PERMIT_EXPIRES, null, command.accompanier(), command.validUntil()));
        return version;
    }

    @CommandHandler
    long handle(ExpireVisitingPermit command, Clock clock) {
        requireStageAllows(command);
        if (!permits.containsKey(new Permit(command.accompanier(), command.prison()))) {
            throw new CaseRuleViolation(CaseRule.PERMIT_TO_EXPIRE,
                    command.accompanier() + " has no permit for " + command.prison().label() + " on this case");
        }
        if (command.accompanier().recordedBefore()) {
            throw new CaseRuleViolation(CaseRule.ACCOMPANIER_OF_THE_CASE, "an accompanier recorded by name before "
                    + "cannot be referred to: record the permit's holder again");
        }
        return record(new VisitingPermitExpired(caseId, command.occurredAt(), clock.instant(), command.accompanier(),
                command.prison()));
    }

    // ---- visits -------------------------------------------------------------------------------------------------

    @CommandHandler
    long handle(ScheduleVisit command, Clock clock) {
        requireStageAllows(command);
        requireChildrenOfTheCase(command.children());
        requireNoCourtBar(command.children(), command.plannedFor(), clock.getZone());
        requireAccompanier(command.accompanier(), command.namedNow());
        if (visits.containsKey(command.visitId())) {
            throw new CaseRuleViolation(CaseRule.VISIT_MUST_BE_SCHEDULED,
                    "visit " + command.visitId() + " is already on the case");
        }
        return record(new VisitScheduled(caseId, command.occurredAt(), clock.instant(), command.visitId(),
                command.plannedFor(), List.copyOf(command.children()), command.place(), command.accompanier()));
    }

    @CommandHandler
    long handle(MediateVisit command, Clock clock) {
        requireStageAllows(command);
        requireChildrenOfTheCase(command.children());
        Instant at = command.occurredAt();
        requireMinors(command.children(), date(at, clock.getZone()));
        requireNoCourtBar(command.children(), at, clock.getZone());
        requireConsents(command.children(), at, clock.getZone());
        requirePlaceMatchingCustody(command.place(), at);
        requireAccompanier(command.accompanier(), command.namedNow());
        if (command.place() == VisitPlace.PRISON_VISITING_ROOM) {
            requirePermit(command.accompanier(), at, clock.getZone());
        }
        if (command.visitId() != null) {
            requireScheduled(command.visitId());
        }
        return record(new VisitMediated(caseId, at, clock.instant(), command.children(), command.place(),
                command.visitId(), command.accompanier(), command.accompaniedBy(), command.durationMinutes(),
                command.kilometres()));
    }

    @CommandHandler
    long handle(RecordContactStep command, Clock clock) {
        requireStageAllows(command);
        requireChildrenOfTheCase(command.children());
        requireNoCourtBar(command.children(), command.occurredAt(), clock.getZone());
        return record(new ContactStepTaken(caseId, command.occurredAt(), clock.instant(), command.step(),
                List.copyOf(command.children()), command.mediatedBy(), command.kilometres()));
    }

    @CommandHandler
    long handle(CancelVisit command, Clock clock) {
        requireStageAllows(command);
        requireScheduled(command.visitId());
        return record(new VisitCancelled(caseId, command.occurredAt(), clock.instant(), command.visitId(),
                command.reason()));
    }

    @CommandHandler
    long handle(RecordHomeVisit command, Clock clock) {
        requireStageAllows(command);
        return record(new HomeVisitMade(caseId, command.occurredAt(), clock.instant(), command.kilometres()));
    }

    @CommandHandler
    long handle(RecordNurseryAccompaniment command, Clock clock) {
        requireStageAllows(command);
        ChildOnCase child = children.get(command.child());
        if (child == null || child.housing() != HousingType.WITH_MOTHER_IN_PRISON) {
            throw new CaseRuleViolation(CaseRule.NURSERY_IS_FOR_BABIES_WITH_THEIR_MOTHER,
                    command.child() + " is not a child of this case living with the mother in prison");
        }
        return record(new NurseryAccompanimentMade(caseId, command.occurredAt(), clock.instant(), command.child(),
                command.kilometres()));
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
        return record(new CourtDecisionRecorded(caseId, command.occurredAt(), clock.instant(), command.court(),
                command.rights(), List.copyOf(command.children())));
    }

    @CommandHandler
    long handle(OrderNoContact command, Clock clock) {
        requireStageAllows(command);
        requireChildrenOfTheCase(command.children());
        return record(new NoContactOrdered(caseId, command.occurredAt(), clock.instant(), command.court(),
                List.copyOf(command.children())));
    }

    @CommandHandler
    long handle(LiftNoContactOrder command, Clock clock) {
        requireStageAllows(command);
        requireChildrenOfTheCase(command.children());
        return record(new NoContactOrderLifted(caseId, command.occurredAt(), clock.instant(),
                List.copyOf(command.children())));
    }

    // ---- corrections, closing, reopening ------------------------------------------------------------------------

    @CommandHandler
    long handle(CorrectEntry command, Clock clock) {
        requireStageAllows(command);
        if (!correctableEntries.containsKey(command.correctedEventId())
                || correctedEntries.contains(command.correctedEventId())) {
            throw new CaseRuleViolation(CaseRule.ENTRY_CORRECTABLE_ONCE, "entry " + command.correctedEventId()
                    + (correctedEntries.contains(command.correctedEventId()) ? " was already corrected"
                    : " is not a correctable entry of this case"));
        }
        return record(new EntryCorrected(caseId, command.occurredAt(), clock.instant(), command.correctedEventId(),
                command.reason()));
    }

    @CommandHandler
    long handle(CloseIntervention command, Clock clock) {
        requireStageAllows(command);
        if (command.reason() == null) {
            throw new CaseRuleViolation(CaseRule.CLOSING_NEEDS_REASON, "no reason was given");
        }
        if (command.reason() == ClosingReason.CHILD_TURNED_18) {
            LocalDate closingDate = date(command.occurredAt(), clock.getZone());
            List<String> minors = new ArrayList<>();
            children.values().forEach(child -> {
                if (age(child, closingDate) < ADULT_AGE) {
                    minors.add(child.subjectId() + " (" + age(child, closingDate) + ")");
                }
            });
            if (!minors.isEmpty()) {
                throw new CaseRuleViolation(CaseRule.CHILD_TURNED_18_NEEDS_NO_MINOR,
                        "still minor on " + closingDate + ": " + String.join(", ", minors));
            }
        }
        return record(new InterventionClosed(caseId, command.occurredAt(), clock.instant(), command.reason()));
    }

    @CommandHandler
    long handle(ReopenCase command, Clock clock, DeadlineManager deadlines, DeadlinePolicy policy) {
        requireStageAllows(command);
        long version = record(new CaseReopened(caseId, command.occurredAt(), clock.instant()));
        schedule(deadlines, INACTIVITY_CHECK, clock.instant().plus(policy.inactivity()),
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
            throw new CaseRuleViolation(CaseRule.ERASURE_OF_A_PERSON_OF_THE_CASE,
                    command.subject() + " is not a person of this case");
        }
        if (erased.contains(command.subject())) {
            throw new CaseRuleViolation(CaseRule.PERSON_ERASED_ONCE,
                    "the personal data of " + command.subject() + " was already erased");
        }
        return record(new PersonalDataErased(caseId, clock.instant(), clock.instant(), command.subject(),
                command.reason()));
    }

    /** Erases, as the retention period ended, everyone not erased yet; nobody when the case is open again. */
    @CommandHandler
    List<SubjectId> handle(ErasePeopleOfCase command, Clock clock) {
        if (endedAt == null || !endedAt.isBefore(command.endedBefore())) {
            return List.of();
        }
        List<SubjectId> people = new ArrayList<>(List.of(detainedParent));
        parties.keySet().stream().filter(party -> !party.equals(detainedParent))
                .sorted(Comparator.comparing(SubjectId::value)).forEach(people::add);
        people.addAll(children.keySet());
        accompaniers.stream().sorted(Comparator.comparing(SubjectId::value)).forEach(people::add);
        people.removeAll(erased);
        Instant now = clock.instant();
        people.forEach(subject -> apply(new PersonalDataErased(caseId, now, now, subject,
                ErasureReason.RETENTION_PERIOD_ENDED)));
        return people;
    }

    private boolean isPersonOfTheCase(SubjectId subject) {
        return parties.containsKey(subject) || children.containsKey(subject) || accompaniers.contains(subject);
    }

    // ---- deadlines ----------------------------------------------------------------------------------------------

    /** A due date warned of ahead: raises the warning if it still applies when it fires (the case may have moved). */
    @DeadlineHandler(deadlineName = CASE_DEADLINE)
    void onDeadline(CaseDeadline deadline, @Timestamp Instant firedAt, Clock clock) {
        if (stage == CaseStage.CLOSED || stage == CaseStage.DECLINED || !stillDue(deadline, firedAt)) {
            return;
        }
        apply(new DeadlineApproaching(caseId, firedAt, clock.instant(), deadline.kind(), deadline.child(),
                deadline.accompanier(), deadline.dueOn(), deadline.party()), AS_SYSTEM);
    }

    /**
     * Checks for inactivity: when nothing was recorded for the configured period, raises the follow-up and checks
     * again one period later; otherwise checks again when the period after the last entry ends. The check's own
     * time is its trigger time, so each check moves strictly forward.
     */
    @DeadlineHandler(deadlineName = INACTIVITY_CHECK)
    void onInactivityCheck(CaseDeadline check, @Timestamp Instant now, Clock clock, DeadlineManager deadlines,
                           DeadlinePolicy policy) {
        if (stage == CaseStage.CLOSED || stage == CaseStage.DECLINED) {
            return;
        }
        Instant due = lastEntryRecordedAt.plus(policy.inactivity());
        if (now.isBefore(due)) {
            schedule(deadlines, INACTIVITY_CHECK, due, check);
            return;
        }
        apply(new DeadlineApproaching(caseId, now, clock.instant(), DeadlineKind.NO_RECENT_ACTIVITY, null, null,
                date(due, clock.getZone()), null), AS_SYSTEM);
        schedule(deadlines, INACTIVITY_CHECK, now.plus(policy.inactivity()), check);
    }

    private boolean stillDue(CaseDeadline deadline, Instant now) {
        return switch (deadline.kind()) {
            case CHILD_TURNS_18 -> children.containsKey(deadline.child());
            case NURSERY_SEPARATION -> {
                ChildOnCase child = children.get(deadline.child());
                boolean derogation = nurseryDerogations.contains(deadline.child());
                yield child != null && child.housing() == HousingType.WITH_MOTHER_IN_PRISON
                        && deadline.dueOn().equals(child.birthDate().plusMonths(derogation
                        ? NURSERY_MONTHS_WITH_DEROGATION : NURSERY_MONTHS));
            }
            case PERMIT_EXPIRES -> {
                Timeline<LocalDate> permit = permits.get(new Permit(deadline.accompanier(), prison.at(now)));
                yield permit != null && deadline.dueOn().equals(permit.at(now));
            }
            case CONSENT_EXPIRES -> deadline.dueOn().equals(timeline(consents, deadline.party(), null).at(now));
            case NO_RECENT_ACTIVITY -> true;
        };
    }

    private void scheduleChildDeadlines(ChildOnCase child, DeadlineManager deadlines, DeadlinePolicy policy,
                                        Clock clock) {
        LocalDate adult = child.birthDate().plusYears(ADULT_AGE);
        warnAhead(deadlines, policy, clock,
                new CaseDeadline(DeadlineKind.CHILD_TURNS_18, child.subjectId(), null, adult));
        if (child.housing() == HousingType.WITH_MOTHER_IN_PRISON) {
            LocalDate separation = child.birthDate().plusMonths(NURSERY_MONTHS);
            warnAhead(deadlines, policy, clock,
                    new CaseDeadline(DeadlineKind.NURSERY_SEPARATION, child.subjectId(), null, separation));
        }
    }

    /** Schedules the warning of a date still to come; a date already past (recorded late) warns of nothing. */
    private static void warnAhead(DeadlineManager deadlines, DeadlinePolicy policy, Clock clock,
                                  CaseDeadline deadline) {
        if (deadline.dueOn().isBefore(LocalDate.now(clock))) {
            return;
        }
        schedule(deadlines, CASE_DEADLINE,
                deadline.dueOn().atStartOfDay(clock.getZone()).toInstant().minus(policy.notice()), deadline);
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
            throw new CaseRuleViolation(CaseRule.REQUEST_NEEDS_A_COMPLETE_FAMILY, "the request names no child");
        }
        Set<SubjectId> people = new HashSet<>();
        people.add(command.detainedParent());
        Set<SubjectId> authorityHolders = new HashSet<>();
        for (PartyOnCase party : command.parties()) {
            if (!people.add(party.subjectId())) {
                throw new CaseRuleViolation(CaseRule.REQUEST_NEEDS_A_COMPLETE_FAMILY,
                        party.subjectId() + " appears twice among the people of the request");
            }
            if (party.role().holdsParentalAuthority()) {
                authorityHolders.add(party.subjectId());
            }
        }
        for (ChildOnCase child : command.children()) {
            if (!people.add(child.subjectId())) {
                throw new CaseRuleViolation(CaseRule.REQUEST_NEEDS_A_COMPLETE_FAMILY,
                        child.subjectId() + " appears twice among the people of the request");
            }
            boolean motherWithBaby = child.housing() == HousingType.WITH_MOTHER_IN_PRISON
                    && command.detainedParent().equals(child.parentalAuthority());
            if (!authorityHolders.contains(child.parentalAuthority()) && !motherWithBaby) {
                throw new CaseRuleViolation(CaseRule.REQUEST_NEEDS_A_COMPLETE_FAMILY,
                        "child " + child.subjectId() + " has no holder of parental authority among the parties");
            }
        }
    }

    /** A party holding authority; or the detained mother for the baby living with her in prison. */
    private boolean canHoldAuthority(SubjectId holder, HousingType housing) {
        PartyRole role = parties.get(holder);
        return role != null && (role.holdsParentalAuthority()
                || (role == PartyRole.DETAINED_PARENT && housing == HousingType.WITH_MOTHER_IN_PRISON));
    }

    private void requireStageAllows(Object command) {
        if (Lifecycle.allows(stage, command.getClass())) {
            return;
        }
        if (stage == CaseStage.CLOSED) {
            throw new CaseRuleViolation(CaseRule.CLOSED_CASE_ACCEPTS_NOTHING,
                    "this case was closed on " + closing.occurredAt() + " (" + closing.reason() + ")");
        }
        if (stage == CaseStage.DECLINED) {
            throw new CaseRuleViolation(CaseRule.DECLINED_CASE_ACCEPTS_NOTHING, "this request was declined");
        }
        throw new CaseRuleViolation(CaseRule.NOT_IN_THIS_STAGE,
                command.getClass().getSimpleName() + " is not accepted in stage " + stage);
    }

    private PartyRole requireParty(SubjectId party) {
        PartyRole role = parties.get(party);
        if (role == null) {
            throw new CaseRuleViolation(CaseRule.CONSENT_FROM_A_PARTY,
                    party + " is not the detained parent nor a holder of parental authority on this case");
        }
        return role;
    }

    private void requireChildrenOfTheCase(List<SubjectId> present) {
        if (present == null || present.isEmpty()) {
            throw new CaseRuleViolation(CaseRule.VISIT_NEEDS_CHILDREN_OF_THE_CASE, "no child is named");
        }
        if (new HashSet<>(present).size() < present.size()) {
            throw new CaseRuleViolation(CaseRule.VISIT_NEEDS_CHILDREN_OF_THE_CASE, "a child is listed twice");
        }
        for (SubjectId child : present) {
            if (!children.containsKey(child)) {
                throw new CaseRuleViolation(CaseRule.VISIT_NEEDS_CHILDREN_OF_THE_CASE,
                        child + " is not a child of this case");
            }
        }
    }

    private void requireMinors(List<SubjectId> present, LocalDate visitDate) {
        for (SubjectId child : present) {
            int age = age(children.get(child), visitDate);
            if (age >= ADULT_AGE) {
                throw new CaseRuleViolation(CaseRule.NO_VISIT_WITH_ADULT_CHILD, "child " + child + " is " + age
                        + " on " + visitDate + " (born " + children.get(child).birthDate() + ")");
            }
        }
    }

    private void requireNoCourtBar(List<SubjectId> present, Instant at, ZoneId zone) {
        for (SubjectId child : present) {
            NoContactOrdered order = timeline(noContactOrders, child, null).at(at);
            if (order != null) {
                throw new CaseRuleViolation(CaseRule.NO_VISIT_UNDER_NO_CONTACT_ORDER, "the no-contact order of the "
                        + order.court().name().toLowerCase().replace('_', ' ') + " dated "
                        + date(order.occurredAt(), zone) + " covers child " + child);
            }
            if (timeline(visitingRights, child, null).at(at) == VisitingRights.RESERVED) {
                throw new CaseRuleViolation(CaseRule.NO_VISIT_WITHOUT_VISITING_RIGHTS,
                        "a court reserved the visiting rights for child " + child + " on that date");
            }
        }
    }

    private void requireConsents(List<SubjectId> present, Instant visitAt, ZoneId zone) {
        Map<SubjectId, PartyRole> needed = new LinkedHashMap<>();
        needed.put(detainedParent, PartyRole.DETAINED_PARENT);
        for (SubjectId child : present) {
            SubjectId holder = children.get(child).parentalAuthority();
            needed.put(holder, parties.get(holder));
        }
        List<String> missing = new ArrayList<>();
        needed.forEach((party, role) -> {
            if (!consentIsCurrent(party, visitAt, zone)) {
                LocalDate until = timeline(consents, party, null).at(visitAt);
                missing.add(describe(role) + " " + party + (until != null ? " (consent ended on " + until + ")"
                        : consents.containsKey(party) ? " (consent withdrawn)" : " (no consent recorded)"));
            }
        });
        if (!missing.isEmpty()) {
            throw new CaseRuleViolation(CaseRule.CONSENTS_REQUIRED_FOR_VISIT,
                    "missing consent at the visit date from " + String.join(", ", missing));
        }
    }

    private void requirePlaceMatchingCustody(VisitPlace place, Instant at) {
        boolean custody = inCustody.at(at);
        if (custody != (place == VisitPlace.PRISON_VISITING_ROOM)) {
            throw new CaseRuleViolation(CaseRule.VISIT_PLACE_FOLLOWS_CUSTODY, "on that date the parent is "
                    + (custody ? "in custody: the visit must be in the visiting room"
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
        boolean known = accompaniers.contains(accompanier.person());
        if (known == namedNow || isPersonOfTheCase(accompanier.person()) && !known) {
            throw new CaseRuleViolation(CaseRule.ACCOMPANIER_OF_THE_CASE, known
                    ? "person " + accompanier.person() + " already accompanies on this case"
                    : "person " + accompanier.person() + " does not accompany on this case");
        }
    }

    private void requirePermit(Accompanier accompanier, Instant at, ZoneId zone) {
        Prison where = prison.at(at);
        Timeline<LocalDate> permit = accompanier == null ? null : permits.get(new Permit(accompanier, where));
        LocalDate validUntil = permit == null ? null : permit.at(at);
        if (validUntil == null || date(at, zone).isAfter(validUntil)) {
            throw new CaseRuleViolation(CaseRule.PRISON_VISIT_NEEDS_A_VALID_PERMIT, (accompanier == null
                    ? "no accompanier is named" : accompanier + " holds no valid permit for " + where.label())
                    + " on " + date(at, zone));
        }
    }

    private void requireScheduled(java.util.UUID visitId) {
        if (visits.get(visitId) != VisitStatus.SCHEDULED) {
            throw new CaseRuleViolation(CaseRule.VISIT_MUST_BE_SCHEDULED, "visit " + visitId + " is "
                    + (visits.containsKey(visitId) ? visits.get(visitId).name().toLowerCase() : "not scheduled"));
        }
    }

    private boolean consentIsCurrent(SubjectId party, Instant at, ZoneId zone) {
        LocalDate until = timeline(consents, party, null).at(at);
        return until != null && !date(at, zone).isAfter(until);
    }

    private static <T> Timeline<T> timeline(Map<SubjectId, Timeline<T>> timelines, SubjectId subject, T before) {
        Timeline<T> timeline = timelines.get(subject);
        return timeline == null ? new Timeline<>(before) : timeline;
    }

    private static LocalDate consentEnd(ConsentRecorded consent) {
        return consent.validUntil() == null ? LocalDate.MAX : consent.validUntil();
    }

    private static LocalDate date(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate();
    }

    private static int age(ChildOnCase child, LocalDate on) {
        return Period.between(child.birthDate(), on).getYears();
    }

    private static String describe(PartyRole role) {
        return switch (role) {
            case DETAINED_PARENT -> "detained parent";
            case FREE_PARENT -> "free parent";
            case ASE -> "ASE referent";
            case LEGAL_GUARDIAN -> "legal guardian";
        };
    }

    // ---- state --------------------------------------------------------------------------------------------------

    private void when(RequestReceived event) {
        caseId = event.caseId();
        detainedParent = event.detainedParent();
        prison = new Timeline<>(event.prison());
        parties.put(event.detainedParent(), PartyRole.DETAINED_PARENT);
        event.parties().forEach(party -> parties.put(party.subjectId(), party.role()));
        event.children().forEach(child -> children.put(child.subjectId(), child));
    }

    private void when(CaseAssigned event) {
        assignedTo = event.caseworker();
    }

    private void when(ChildAdded event) {
        children.put(event.child().subjectId(), event.child());
    }

    private void when(ConsentRecorded event) {
        consents.computeIfAbsent(event.party(), party -> new Timeline<>(null)).set(event.occurredAt(),
                consentEnd(event));
    }

    private void when(ConsentWithdrawn event) {
        consents.computeIfAbsent(event.party(), party -> new Timeline<>(null)).set(event.occurredAt(), null);
    }

    private void learnAccompanier(Accompanier accompanier) {
        if (accompanier != null && accompanier.person() != null) {
            accompaniers.add(accompanier.person());
        }
    }

    private void when(VisitingPermitIssued event) {
        learnAccompanier(event.accompanier());
        permits.computeIfAbsent(new Permit(event.accompanier(), event.prison()), permit -> new Timeline<>(null))
                .set(event.occurredAt(), event.validUntil());
    }

    private void when(VisitingPermitExpired event) {
        permits.get(new Permit(event.accompanier(), event.prison())).set(event.occurredAt(), null);
    }

    private void when(VisitScheduled event) {
        learnAccompanier(event.accompanier());
        visits.put(event.visitId(), VisitStatus.SCHEDULED);
    }

    private void when(VisitMediated event) {
        learnAccompanier(event.accompanier());
        if (event.visitId() != null) {
            visits.put(event.visitId(), VisitStatus.HELD);
        }
    }

    private void when(VisitCancelled event) {
        visits.put(event.visitId(), VisitStatus.CANCELLED);
    }

    private void when(CustodyChanged event) {
        inCustody.set(event.occurredAt(), event.change().inCustody());
        if (event.prison() != null) {
            prison.set(event.occurredAt(), event.prison());
        }
    }

    private void when(CourtDecisionRecorded event) {
        event.children().forEach(child -> visitingRights.computeIfAbsent(child, c -> new Timeline<>(null))
                .set(event.occurredAt(), event.rights()));
    }

    private void when(NoContactOrdered event) {
        event.children().forEach(child -> noContactOrders.computeIfAbsent(child, c -> new Timeline<>(null))
                .set(event.occurredAt(), event));
    }

    private void when(NoContactOrderLifted event) {
        event.children().forEach(child -> noContactOrders.computeIfAbsent(child, c -> new Timeline<>(null))
                .set(event.occurredAt(), null));
    }

    private void when(EntryCorrected event) {
        correctedEntries.add(event.correctedEventId());
        CaseEvent corrected = correctableEntries.get(event.correctedEventId());
        if (corrected instanceof ConsentRecorded consent) {
            consents.get(consent.party()).forget(consent.occurredAt(), consentEnd(consent));
        } else if (corrected instanceof ConsentWithdrawn withdrawal) {
            consents.get(withdrawal.party()).forget(withdrawal.occurredAt(), null);
        } else if (corrected instanceof CustodyChanged change) {
            inCustody.forget(change.occurredAt(), change.change().inCustody());
            if (change.prison() != null) {
                prison.forget(change.occurredAt(), change.prison());
            }
        } else if (corrected instanceof VisitMediated visit && visit.visitId() != null) {
            visits.put(visit.visitId(), VisitStatus.SCHEDULED);
        }
    }

    private void when(InterventionClosed event) {
        closing = event;
    }

    /**
     * The one event-sourcing handler (Axon calls a single handler per event): it assigns the event's own state, moves
     * the stage by the shared table, and remembers entries a correction may point at.
     */
    @EventSourcingHandler
    void on(CaseEvent event, EventMessage<?> message) {
        if (event instanceof RequestReceived e) {
            when(e);
        } else if (event instanceof CaseAssigned e) {
            when(e);
        } else if (event instanceof ChildAdded e) {
            when(e);
        } else if (event instanceof ConsentRecorded e) {
            when(e);
        } else if (event instanceof ConsentWithdrawn e) {
            when(e);
        } else if (event instanceof VisitingPermitIssued e) {
            when(e);
        } else if (event instanceof VisitingPermitExpired e) {
            when(e);
        } else if (event instanceof VisitScheduled e) {
            when(e);
        } else if (event instanceof VisitMediated e) {
            when(e);
        } else if (event instanceof VisitCancelled e) {
            when(e);
        } else if (event instanceof CustodyChanged e) {
            when(e);
        } else if (event instanceof CourtDecisionRecorded e) {
            when(e);
        } else if (event instanceof NoContactOrdered e) {
            when(e);
        } else if (event instanceof NoContactOrderLifted e) {
            when(e);
        } else if (event instanceof EntryCorrected e) {
            when(e);
        } else if (event instanceof InterventionClosed e) {
            when(e);
        }
        if (event instanceof NurseryDerogationGranted derogation) {
            nurseryDerogations.add(derogation.child());
        }
        if (event instanceof PersonalDataErased erasure) {
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
            correctableEntries.put(message.getIdentifier(), event);
        }
    }
}
