package fr.rep.caseengine.command.collectiveaction;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import fr.rep.caseengine.command.rule.RuleViolation;
import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.collectiveaction.CollectiveActionId;
import fr.rep.caseengine.events.collectiveaction.Participant;
import fr.rep.caseengine.events.collectiveaction.TalkingGroupFormed;
import fr.rep.caseengine.events.collectiveaction.TalkingGroupJoined;
import fr.rep.caseengine.events.collectiveaction.TalkingGroupSessionHeld;
import fr.rep.caseengine.events.collectiveaction.TalkingGroupTheme;
import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.familycase.Team;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A talking group (groupe de parole): a closed group of at most 8 detained parents at one prison, meeting for a cycle
 * of one session per fixed theme, in order. Command handlers check the rules and apply events; event-sourcing
 * handlers only assign state. Handlers other than the forming return the group's version after the command.
 */
@Aggregate
class TalkingGroup {

    private static final int MAX_MEMBERS = 8;

    @AggregateIdentifier
    private CollectiveActionId groupId;

    private Team team;
    private Prison prison;
    private Instant formedAt;
    /** The cycle's themes as stored when the group was formed: one session each, in this order. */
    private List<TalkingGroupTheme> themes;

    private final Map<CaseId, Participant> members = new LinkedHashMap<>();
    private int sessionsHeld;
    private Instant lastSessionAt;

    protected TalkingGroup() {
        // required by Axon to rebuild the group from its events
    }

    @CommandHandler
    TalkingGroup(FormTalkingGroup command, Clock clock) {
        Attendance.requireEachOnce(Attendance.casesOf(command.members()));
        if (command.members().size() > MAX_MEMBERS) {
            throw new RuleViolation(
                    CollectiveActionRule.TALKING_GROUP_AT_MOST_EIGHT,
                    command.members().size() + " parents are listed");
        }
        apply(new TalkingGroupFormed(
                command.collectiveActionId(),
                command.occurredAt(),
                clock.instant(),
                command.team(),
                command.prison(),
                TalkingGroupTheme.cycle(),
                command.members()));
    }

    @CommandHandler
    long handle(JoinTalkingGroup command, Clock clock) {
        if (sessionsHeld > 0) {
            throw new RuleViolation(
                    CollectiveActionRule.TALKING_GROUP_IS_CLOSED,
                    "its first session was held (" + sessionsHeld + " so far, the last on " + lastSessionAt + ")");
        }
        CaseId caseId = command.member().caseId();
        if (members.containsKey(caseId)) {
            throw new RuleViolation(
                    CollectiveActionRule.PARTICIPANTS_EACH_ONCE,
                    "the parent of case " + caseId + " is already a member");
        }
        if (members.size() >= MAX_MEMBERS) {
            throw new RuleViolation(
                    CollectiveActionRule.TALKING_GROUP_AT_MOST_EIGHT,
                    "the group already has " + members.size() + " members");
        }
        apply(new TalkingGroupJoined(groupId, command.occurredAt(), clock.instant(), team, prison, command.member()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(HoldTalkingGroupSession command, Clock clock) {
        if (sessionsHeld == themes.size()) {
            throw new RuleViolation(
                    CollectiveActionRule.CYCLE_OF_FOUR_SESSIONS,
                    "all " + themes.size() + " sessions were held, the last on " + lastSessionAt);
        }
        int session = sessionsHeld + 1;
        TalkingGroupTheme theme = themes.get(sessionsHeld);
        requireNextInOrder(command, session, theme);
        Attendance.requireEachOnce(command.present());
        List<Participant> present = new ArrayList<>();
        for (CaseId caseId : command.present()) {
            Participant member = members.get(caseId);
            if (member == null) {
                throw new RuleViolation(
                        CollectiveActionRule.TALKING_GROUP_IS_CLOSED,
                        "the parent of case " + caseId + " is not a member of this group");
            }
            present.add(member);
        }
        apply(new TalkingGroupSessionHeld(
                groupId, command.occurredAt(), clock.instant(), team, prison, session, theme, present));
        return AggregateLifecycle.getVersion();
    }

    private void requireNextInOrder(HoldTalkingGroupSession command, int session, TalkingGroupTheme theme) {
        if (command.theme() != theme) {
            throw new RuleViolation(
                    CollectiveActionRule.SESSIONS_IN_ORDER,
                    "session " + session + " is on \"" + theme.label() + "\", not on "
                            + (command.theme() == null
                                    ? "no theme"
                                    : "\"" + command.theme().label() + "\""));
        }
        if (lastSessionAt != null && !command.occurredAt().isAfter(lastSessionAt)) {
            throw new RuleViolation(
                    CollectiveActionRule.SESSIONS_IN_ORDER,
                    "session " + session + " is dated " + command.occurredAt() + ", not after session " + sessionsHeld
                            + " on " + lastSessionAt);
        }
        if (command.occurredAt().isBefore(formedAt)) {
            throw new RuleViolation(
                    CollectiveActionRule.SESSIONS_IN_ORDER,
                    "session " + session + " is dated " + command.occurredAt() + ", before the group was formed on "
                            + formedAt);
        }
    }

    @EventSourcingHandler
    void on(TalkingGroupFormed event) {
        groupId = event.collectiveActionId();
        team = event.team();
        prison = event.prison();
        formedAt = event.occurredAt();
        themes = event.themes();
        event.members().forEach(member -> members.put(member.caseId(), member));
    }

    @EventSourcingHandler
    void on(TalkingGroupJoined event) {
        members.put(event.member().caseId(), event.member());
    }

    @EventSourcingHandler
    void on(TalkingGroupSessionHeld event) {
        sessionsHeld = event.session();
        lastSessionAt = event.occurredAt();
    }
}
