package fr.rep.caseengine.command.collectiveaction;

import static org.hamcrest.Matchers.equalTo;

import fr.rep.caseengine.command.rule.Rule;
import fr.rep.caseengine.command.rule.RuleViolation;
import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
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
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;

/**
 * A talking group at the Maison d'arrêt d'Amiens for the aggregate tests, with the commands it is sent and the events
 * they are expected to cause. Ten detained parents, each with their own case, are candidates.
 * <p>
 * The group is formed on 5 January; its sessions are weekly from 12 January. Every event is stamped with
 * {@link #RECORDED_AT}, the instant of the tests' fixed clock, weeks after the facts, as caseworkers record late.
 */
final class AtAmiens {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Instant RECORDED_AT = Instant.parse("2026-04-01T08:00:00Z");
    static final Clock CLOCK = Clock.fixed(RECORDED_AT, PARIS);
    static final Instant FORMED_AT = paris("2026-01-05T10:00");
    static final Team TEAM = Team.SOMME_AISNE_OISE;
    static final Prison PRISON = Prison.MA_AMIENS;

    final CollectiveActionId groupId = CollectiveActionId.random();
    /** Ten detained parents, each with their own case. */
    final List<Participant> parents = IntStream.range(0, 10)
            .mapToObj(i -> new Participant(CaseId.random(), SubjectId.random()))
            .toList();

    static AggregateTestFixture<TalkingGroup> fixture() {
        AggregateTestFixture<TalkingGroup> fixture = new AggregateTestFixture<>(TalkingGroup.class);
        fixture.registerInjectableResource(CLOCK);
        return fixture;
    }

    /** An instant given as the wall-clock time in Paris, such as {@code "2026-02-10T14:00"}. */
    static Instant paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }

    /** The date of session {@code number} (from 1): weekly, from the Monday after the group was formed. */
    static Instant sessionDate(int number) {
        return paris("2026-01-12T14:00").plusSeconds(7L * 24 * 3600 * (number - 1));
    }

    static TalkingGroupTheme themeOf(int number) {
        return TalkingGroupTheme.cycle().get(number - 1);
    }

    /** A {@link RuleViolation} of exactly {@code rule}; any other exception type does not match. */
    static Matcher<RuleViolation> violationOf(CollectiveActionRule rule) {
        return new FeatureMatcher<RuleViolation, Rule>(equalTo(rule), "a RuleViolation of rule", "rule") {
            @Override
            protected Rule featureValueOf(RuleViolation violation) {
                return violation.rule();
            }
        };
    }

    /** The first {@code count} parents. */
    List<Participant> first(int count) {
        return parents.subList(0, count);
    }

    static List<CaseId> casesOf(List<Participant> participants) {
        return participants.stream().map(Participant::caseId).toList();
    }

    // --- forming and joining -----------------------------------------------------------------------------------

    FormTalkingGroup form(List<Participant> members) {
        return new FormTalkingGroup(groupId, FORMED_AT, TEAM, PRISON, members);
    }

    TalkingGroupFormed formed(List<Participant> members) {
        return new TalkingGroupFormed(
                groupId, FORMED_AT, RECORDED_AT, TEAM, PRISON, TalkingGroupTheme.cycle(), members);
    }

    JoinTalkingGroup join(Participant member, Instant at) {
        return new JoinTalkingGroup(groupId, null, at, member);
    }

    TalkingGroupJoined joined(Participant member, Instant at) {
        return new TalkingGroupJoined(groupId, at, RECORDED_AT, TEAM, PRISON, member);
    }

    // --- sessions ----------------------------------------------------------------------------------------------

    /** Session {@code number} on its theme and at its date, with these parents present. */
    HoldTalkingGroupSession session(int number, List<Participant> present) {
        return session(number, themeOf(number), sessionDate(number), casesOf(present));
    }

    HoldTalkingGroupSession session(int number, TalkingGroupTheme theme, Instant at, List<CaseId> present) {
        return new HoldTalkingGroupSession(groupId, null, at, theme, present);
    }

    TalkingGroupSessionHeld sessionHeld(int number, List<Participant> present) {
        return new TalkingGroupSessionHeld(
                groupId, sessionDate(number), RECORDED_AT, TEAM, PRISON, number, themeOf(number), present);
    }

    /** The group formed with its first {@code members} parents, then sessions 1 to {@code sessions}, all present. */
    List<Object> formedWithSessions(int members, int sessions) {
        List<Object> events = new ArrayList<>();
        events.add(formed(first(members)));
        for (int number = 1; number <= sessions; number++) {
            events.add(sessionHeld(number, first(members)));
        }
        return events;
    }
}
