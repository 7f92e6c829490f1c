package fr.rep.caseengine.query.workqueue;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.Accompanier;
import fr.rep.caseengine.events.familycase.Accompaniment;
import fr.rep.caseengine.events.familycase.CaseAssigned;
import fr.rep.caseengine.events.familycase.ChildOnCase;
import fr.rep.caseengine.events.familycase.ClosingReason;
import fr.rep.caseengine.events.familycase.ConsentRecorded;
import fr.rep.caseengine.events.familycase.DeadlineApproaching;
import fr.rep.caseengine.events.familycase.DeadlineKind;
import fr.rep.caseengine.events.familycase.Department;
import fr.rep.caseengine.events.familycase.HousingType;
import fr.rep.caseengine.events.familycase.InterventionClosed;
import fr.rep.caseengine.events.familycase.PartyOnCase;
import fr.rep.caseengine.events.familycase.PartyRole;
import fr.rep.caseengine.events.familycase.PenalStatus;
import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.familycase.ReferralChannel;
import fr.rep.caseengine.events.familycase.ReferrerType;
import fr.rep.caseengine.events.familycase.RequestReceived;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.familycase.VisitCancellationReason;
import fr.rep.caseengine.events.familycase.VisitCancelled;
import fr.rep.caseengine.events.familycase.VisitMediated;
import fr.rep.caseengine.events.familycase.VisitPlace;
import fr.rep.caseengine.events.familycase.VisitScheduled;
import fr.rep.caseengine.events.familycase.VisitingPermitIssued;
import fr.rep.caseengine.query.ProjectionDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/** Feeds events to the work queue projection on PostgreSQL and reads the items it keeps. */
class WorkQueueProjectionTest {

    @RegisterExtension
    static final ProjectionDatabase database = new ProjectionDatabase("work_queue");

    final JdbcTemplate jdbc = database.jdbc();

    final CaseId caseId = CaseId.random();
    final SubjectId mother = SubjectId.random();
    final SubjectId lea = SubjectId.random();
    final Instant requestAt = Instant.parse("2026-10-01T08:00:00Z");

    WorkQueueProjection projection = new WorkQueueProjection(jdbc);

    @Test
    void deadlines_carry_the_cases_team_and_follow_its_caseworker() {
        projection.on(request(), 0);
        deadline(DeadlineKind.CHILD_TURNS_18, 1);
        assertThat(deadlines()).containsExactly(List.of("CHILD_TURNS_18", "PAS_DE_CALAIS", "(nobody)"));

        projection.on(new CaseAssigned(caseId, at(2), at(2), "claire"), 2);

        assertThat(deadlines()).containsExactly(List.of("CHILD_TURNS_18", "PAS_DE_CALAIS", "claire"));
        assertThat(jdbc.queryForObject(
                        "SELECT caseworker FROM work_queue_case WHERE case_id = ?", String.class, caseId.value()))
                .isEqualTo("claire");
    }

    @Test
    void a_warning_of_inactivity_leaves_when_anything_is_next_recorded_and_a_later_one_replaces_it() {
        projection.on(request(), 0);
        deadline(DeadlineKind.NO_RECENT_ACTIVITY, 1);
        deadline(DeadlineKind.NO_RECENT_ACTIVITY, 2);
        assertThat(deadlines()).hasSize(1);

        projection.on(new ConsentRecorded(caseId, at(3), at(3), mother, PartyRole.FREE_PARENT), 3);

        assertThat(deadlines()).isEmpty();
    }

    @Test
    void a_new_permit_for_the_accompanier_resolves_the_warning_of_its_end() {
        projection.on(request(), 0);
        projection.on(
                new DeadlineApproaching(
                        caseId,
                        at(1),
                        at(1),
                        DeadlineKind.PERMIT_EXPIRES,
                        null,
                        Accompanier.staff("claire"),
                        LocalDate.of(2026, 11, 1)),
                1,
                message());
        projection.on(
                new VisitingPermitIssued(
                        caseId,
                        at(2),
                        at(2),
                        Accompanier.staff("someone.else"),
                        Prison.CD_BAPAUME,
                        LocalDate.of(2027, 11, 1)),
                2);
        assertThat(deadlines()).hasSize(1);

        projection.on(
                new VisitingPermitIssued(
                        caseId,
                        at(3),
                        at(3),
                        Accompanier.staff("claire"),
                        Prison.CD_BAPAUME,
                        LocalDate.of(2027, 11, 1)),
                3);

        assertThat(deadlines()).isEmpty();
    }

    @Test
    void a_visit_stays_planned_until_held_or_cancelled() {
        UUID held = UUID.randomUUID();
        UUID cancelled = UUID.randomUUID();
        UUID planned = UUID.randomUUID();
        projection.on(request(), 0);
        projection.on(scheduled(held), 1);
        projection.on(scheduled(cancelled), 2);
        projection.on(scheduled(planned), 3);

        projection.on(
                new VisitMediated(
                        caseId,
                        at(5),
                        at(5),
                        List.of(lea),
                        VisitPlace.PRISON_VISITING_ROOM,
                        held,
                        Accompanier.staff("claire"),
                        Accompaniment.PROFESSIONAL,
                        60,
                        12),
                4);
        projection.on(new VisitCancelled(caseId, at(5), at(5), cancelled, VisitCancellationReason.CHILD_ILL), 5);

        assertThat(jdbc.queryForList(
                        "SELECT visit_id FROM work_queue_visit WHERE case_id = ?", UUID.class, caseId.value()))
                .containsExactly(planned);
    }

    @Test
    void closing_the_case_empties_its_queue() {
        projection.on(request(), 0);
        projection.on(new CaseAssigned(caseId, at(1), at(1), "claire"), 1);
        deadline(DeadlineKind.CHILD_TURNS_18, 2);
        projection.on(scheduled(UUID.randomUUID()), 3);

        projection.on(new InterventionClosed(caseId, at(6), at(6), ClosingReason.PARENT_RELEASED), 4);

        assertThat(deadlines()).isEmpty();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM work_queue_visit WHERE case_id = ?", Integer.class, caseId.value()))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT open FROM work_queue_case WHERE case_id = ?", Boolean.class, caseId.value()))
                .isFalse();
    }

    @Test
    void an_event_delivered_again_after_later_ones_changes_nothing() {
        projection.on(request(), 0);
        EventMessage<?> warning = message();
        DeadlineApproaching inactivity = new DeadlineApproaching(
                caseId, at(1), at(1), DeadlineKind.NO_RECENT_ACTIVITY, null, null, LocalDate.of(2026, 10, 2));
        projection.on(inactivity, 1, warning);
        projection.on(new ConsentRecorded(caseId, at(3), at(3), mother, PartyRole.FREE_PARENT), 2);

        projection.on(inactivity, 1, warning);

        assertThat(deadlines()).isEmpty();
    }

    private void deadline(DeadlineKind kind, long sequence) {
        projection.on(
                new DeadlineApproaching(
                        caseId, at((int) sequence), at((int) sequence), kind, lea, null, LocalDate.of(2027, 6, 1)),
                sequence,
                message());
    }

    private List<List<String>> deadlines() {
        return jdbc.query(
                "SELECT kind, team, coalesce(caseworker, '(nobody)') FROM work_queue_deadline "
                        + "WHERE case_id = ? ORDER BY raised_at",
                (rs, row) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)),
                caseId.value());
    }

    private VisitScheduled scheduled(UUID visitId) {
        return new VisitScheduled(
                caseId,
                at(1),
                at(1),
                visitId,
                at(4),
                List.of(lea),
                VisitPlace.PRISON_VISITING_ROOM,
                Accompanier.staff("claire"));
    }

    private static EventMessage<?> message() {
        return GenericEventMessage.asEventMessage("a deadline warning");
    }

    private Instant at(int days) {
        return requestAt.plusSeconds(days * 86_400L);
    }

    private RequestReceived request() {
        return new RequestReceived(
                caseId,
                requestAt,
                requestAt,
                ReferrerType.DETAINED_PARENT,
                ReferralChannel.LETTER,
                Team.PAS_DE_CALAIS,
                Prison.CD_BAPAUME,
                SubjectId.random(),
                PenalStatus.SENTENCED,
                List.of(new PartyOnCase(mother, PartyRole.FREE_PARENT)),
                List.of(new ChildOnCase(
                        lea, LocalDate.of(2015, 6, 1), new Department("62"), HousingType.WITH_FREE_PARENT, mother)),
                false);
    }
}
