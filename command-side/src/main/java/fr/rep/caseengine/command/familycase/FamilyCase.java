package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.CaseAssigned;
import fr.rep.caseengine.events.familycase.CaseEvent;
import fr.rep.caseengine.events.familycase.CaseStage;
import fr.rep.caseengine.events.familycase.ChildOnCase;
import fr.rep.caseengine.events.familycase.ConsentRecorded;
import fr.rep.caseengine.events.familycase.ConsentWithdrawn;
import fr.rep.caseengine.events.familycase.InterventionClosed;
import fr.rep.caseengine.events.familycase.PartyOnCase;
import fr.rep.caseengine.events.familycase.PartyRole;
import fr.rep.caseengine.events.familycase.RequestReceived;
import fr.rep.caseengine.events.familycase.VisitMediated;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One family's case. Command handlers check the rules and apply events; event-sourcing handlers only assign state.
 * Rules are judged at the moment a fact happened ({@code occurredAt}), because caseworkers record after the fact.
 * Handlers other than the creation return the case version after the command.
 */
@Aggregate
class FamilyCase {

    private static final int ADULT_AGE = 18;

    @AggregateIdentifier
    private CaseId caseId;
    private CaseStage stage;
    private SubjectId detainedParent;
    private final Map<SubjectId, PartyRole> parties = new HashMap<>();
    private final Map<SubjectId, ChildOnCase> children = new LinkedHashMap<>();
    /** Per party, the instants at which their consent was given (true) or withdrawn (false). */
    private final Map<SubjectId, NavigableMap<Instant, Boolean>> consentTimelines = new HashMap<>();
    private InterventionClosed closing;
    private String assignedTo;

    protected FamilyCase() {
        // required by Axon to rebuild the case from its events
    }

    @CommandHandler
    FamilyCase(ReceiveRequest command, Clock clock) {
        requireCompleteFamily(command);
        apply(new RequestReceived(command.caseId(), command.occurredAt(), clock.instant(),
                command.referrerType(), command.channel(), command.team(), command.prison(),
                command.detainedParent(), command.penalStatus(), command.parties(), command.children(),
                command.educationalOrJudicialMeasure()));
    }

    @CommandHandler
    long handle(AssignCase command, Clock clock) {
        requireStageAllows(command);
        if (command.caseworker().equals(assignedTo)) {
            throw new CaseRuleViolation(CaseRule.ALREADY_ASSIGNED,
                    "the case is already assigned to " + assignedTo);
        }
        apply(new CaseAssigned(caseId, command.occurredAt(), clock.instant(), command.caseworker()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RecordConsent command, Clock clock) {
        requireStageAllows(command);
        PartyRole role = requireParty(command.party());
        if (consentIsCurrent(command.party(), command.occurredAt())) {
            throw new CaseRuleViolation(CaseRule.CONSENT_ALREADY_CURRENT,
                    "the " + describe(role) + " " + command.party() + " already consents at that date");
        }
        apply(new ConsentRecorded(caseId, command.occurredAt(), clock.instant(), command.party(), role));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(WithdrawConsent command, Clock clock) {
        requireStageAllows(command);
        PartyRole role = requireParty(command.party());
        if (!consentIsCurrent(command.party(), command.occurredAt())) {
            throw new CaseRuleViolation(CaseRule.NO_CURRENT_CONSENT_TO_WITHDRAW,
                    "the " + describe(role) + " " + command.party() + " has no current consent at that date");
        }
        apply(new ConsentWithdrawn(caseId, command.occurredAt(), clock.instant(), command.party(), role));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(MediateVisit command, Clock clock) {
        requireStageAllows(command);
        requireChildrenOfTheCase(command.children());
        LocalDate visitDate = command.occurredAt().atZone(clock.getZone()).toLocalDate();
        requireMinors(command.children(), visitDate);
        requireConsents(command.children(), command.occurredAt());
        apply(new VisitMediated(caseId, command.occurredAt(), clock.instant(), command.children(), command.place()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(CloseIntervention command, Clock clock) {
        requireStageAllows(command);
        if (command.reason() == null) {
            throw new CaseRuleViolation(CaseRule.CLOSING_NEEDS_REASON, "no reason was given");
        }
        apply(new InterventionClosed(caseId, command.occurredAt(), clock.instant(), command.reason()));
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
            if (!authorityHolders.contains(child.parentalAuthority())) {
                throw new CaseRuleViolation(CaseRule.REQUEST_NEEDS_A_COMPLETE_FAMILY,
                        "child " + child.subjectId() + " has no holder of parental authority among the parties");
            }
        }
    }

    private void requireStageAllows(Object command) {
        if (Lifecycle.allows(stage, command.getClass())) {
            return;
        }
        if (stage == CaseStage.CLOSED) {
            throw new CaseRuleViolation(CaseRule.CLOSED_CASE_ACCEPTS_NOTHING,
                    "this case was closed on " + closing.occurredAt() + " (" + closing.reason() + ")");
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
            throw new CaseRuleViolation(CaseRule.VISIT_NEEDS_CHILDREN_OF_THE_CASE, "no child is present");
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
            LocalDate birthDate = children.get(child).birthDate();
            int age = Period.between(birthDate, visitDate).getYears();
            if (age >= ADULT_AGE) {
                throw new CaseRuleViolation(CaseRule.NO_VISIT_WITH_ADULT_CHILD,
                        "child " + child + " is " + age + " on " + visitDate + " (born " + birthDate + ")");
            }
        }
    }

    private void requireConsents(List<SubjectId> present, Instant visitAt) {
        Map<SubjectId, PartyRole> needed = new LinkedHashMap<>();
        needed.put(detainedParent, PartyRole.DETAINED_PARENT);
        for (SubjectId child : present) {
            SubjectId holder = children.get(child).parentalAuthority();
            needed.put(holder, parties.get(holder));
        }
        List<String> missing = new ArrayList<>();
        needed.forEach((party, role) -> {
            if (!consentIsCurrent(party, visitAt)) {
                missing.add(describe(role) + " " + party + (consentTimelines.containsKey(party)
                        ? " (consent withdrawn)" : " (no consent recorded)"));
            }
        });
        if (!missing.isEmpty()) {
            throw new CaseRuleViolation(CaseRule.CONSENTS_REQUIRED_FOR_VISIT,
                    "missing consent at the visit date from " + String.join(", ", missing));
        }
    }

    private boolean consentIsCurrent(SubjectId party, Instant at) {
        NavigableMap<Instant, Boolean> timeline = consentTimelines.get(party);
        if (timeline == null) {
            return false;
        }
        Map.Entry<Instant, Boolean> latest = timeline.floorEntry(at);
        return latest != null && latest.getValue();
    }

    private static String describe(PartyRole role) {
        return switch (role) {
            case DETAINED_PARENT -> "detained parent";
            case FREE_PARENT -> "free parent";
            case ASE -> "ASE referent";
            case LEGAL_GUARDIAN -> "legal guardian";
        };
    }

    @EventSourcingHandler
    void on(RequestReceived event) {
        caseId = event.caseId();
        detainedParent = event.detainedParent();
        parties.put(event.detainedParent(), PartyRole.DETAINED_PARENT);
        event.parties().forEach(party -> parties.put(party.subjectId(), party.role()));
        event.children().forEach(child -> children.put(child.subjectId(), child));
        advanceStage(event);
    }

    @EventSourcingHandler
    void on(CaseAssigned event) {
        assignedTo = event.caseworker();
        advanceStage(event);
    }

    @EventSourcingHandler
    void on(ConsentRecorded event) {
        consentTimelines.computeIfAbsent(event.party(), party -> new TreeMap<>()).put(event.occurredAt(), true);
        advanceStage(event);
    }

    @EventSourcingHandler
    void on(ConsentWithdrawn event) {
        consentTimelines.computeIfAbsent(event.party(), party -> new TreeMap<>()).put(event.occurredAt(), false);
        advanceStage(event);
    }

    @EventSourcingHandler
    void on(VisitMediated event) {
        advanceStage(event);
    }

    @EventSourcingHandler
    void on(InterventionClosed event) {
        closing = event;
        advanceStage(event);
    }

    private void advanceStage(CaseEvent event) {
        stage = CaseStage.next(stage, event);
    }
}
