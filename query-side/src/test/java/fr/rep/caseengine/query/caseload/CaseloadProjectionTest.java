package fr.rep.caseengine.query.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.Accompanier;
import fr.rep.caseengine.events.familycase.Accompaniment;
import fr.rep.caseengine.events.familycase.CaseAssigned;
import fr.rep.caseengine.events.familycase.ChildOnCase;
import fr.rep.caseengine.events.familycase.ClosingReason;
import fr.rep.caseengine.events.familycase.ConsentRecorded;
import fr.rep.caseengine.events.familycase.CustodyChange;
import fr.rep.caseengine.events.familycase.CustodyChanged;
import fr.rep.caseengine.events.familycase.Department;
import fr.rep.caseengine.events.familycase.HousingType;
import fr.rep.caseengine.events.familycase.InterventionClosed;
import fr.rep.caseengine.events.familycase.PartyOnCase;
import fr.rep.caseengine.events.familycase.PartyRole;
import fr.rep.caseengine.events.familycase.PenalStatus;
import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.familycase.ReferralChannel;
import fr.rep.caseengine.events.familycase.ReferrerType;
import fr.rep.caseengine.events.familycase.RequestAccepted;
import fr.rep.caseengine.events.familycase.RequestReceived;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.familycase.VisitMediated;
import fr.rep.caseengine.events.familycase.VisitPlace;
import fr.rep.caseengine.query.ProjectionDatabase;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/** Feeds events to the caseload projection on PostgreSQL and reads its cases and buckets. */
class CaseloadProjectionTest {

    @RegisterExtension
    static final ProjectionDatabase database = new ProjectionDatabase("caseload");

    final JdbcTemplate jdbc = database.jdbc();

    final Instant firstRequestAt = Instant.parse("2026-10-01T08:00:00Z");
    final Instant secondRequestAt = Instant.parse("2026-10-11T08:00:00Z");
    final CaseId first = CaseId.random();
    final CaseId second = CaseId.random();

    CaseloadProjection projection = new CaseloadProjection(jdbc);

    @BeforeEach
    void empty() {
        jdbc.update("TRUNCATE caseload_case, caseload_bucket");
    }

    @Test
    void requests_are_counted_in_the_reception_bucket_of_their_team_and_prison_nobody_assigned() {
        projection.on(request(first, firstRequestAt), 0);
        projection.on(request(second, secondRequestAt), 0);

        assertThat(buckets())
                .containsExactly(tuple(
                        "PAS_DE_CALAIS",
                        "CD_BAPAUME",
                        "RECEPTION",
                        "",
                        2,
                        (firstRequestAt.getEpochSecond() + secondRequestAt.getEpochSecond()),
                        firstRequestAt));
    }

    @Test
    void an_assignment_moves_the_case_to_its_caseworkers_bucket_and_the_oldest_request_follows() {
        projection.on(request(first, firstRequestAt), 0);
        projection.on(request(second, secondRequestAt), 0);

        projection.on(new CaseAssigned(first, at(1), at(1), "claire"), 1);

        assertThat(buckets())
                .containsExactly(
                        tuple(
                                "PAS_DE_CALAIS",
                                "CD_BAPAUME",
                                "RECEPTION",
                                "",
                                1,
                                secondRequestAt.getEpochSecond(),
                                secondRequestAt),
                        tuple(
                                "PAS_DE_CALAIS",
                                "CD_BAPAUME",
                                "RECEPTION",
                                "claire",
                                1,
                                firstRequestAt.getEpochSecond(),
                                firstRequestAt));
    }

    @Test
    void acceptance_visits_transfers_and_closing_move_the_case_and_empty_buckets_disappear() {
        projection.on(request(first, firstRequestAt), 0);
        projection.on(new RequestAccepted(first, at(2), at(2)), 1);
        assertThat(buckets()).extracting(row -> row.toList().get(2)).containsExactly("SETTING_UP");
        assertThat(jdbc.queryForObject("SELECT accepted_at FROM caseload_case", Timestamp.class)
                        .toInstant())
                .isEqualTo(at(2));

        projection.on(new ConsentRecorded(first, at(3), at(3), SubjectId.random(), PartyRole.FREE_PARENT), 2);
        projection.on(visit(first, at(4)), 3);
        projection.on(new CustodyChanged(first, at(5), at(5), CustodyChange.TRANSFERRED, Prison.MA_ARRAS), 4);
        assertThat(buckets())
                .extracting(row -> row.toList().subList(1, 5))
                .containsExactly(List.of("MA_ARRAS", "CLOSED_SETTING", "", 1));

        projection.on(new InterventionClosed(first, at(6), at(6), ClosingReason.PARENT_RELEASED), 5);
        assertThat(buckets())
                .extracting(row -> row.toList().subList(1, 5))
                .containsExactly(List.of("MA_ARRAS", "CLOSED", "", 1));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM caseload_case WHERE stage = 'CLOSED' AND version = 5 "
                                + "AND closed_at IS NOT NULL",
                        Integer.class))
                .isEqualTo(1);
    }

    @Test
    void an_event_delivered_twice_moves_the_case_once() {
        RequestReceived request = request(first, firstRequestAt);
        CaseAssigned assignment = new CaseAssigned(first, at(1), at(1), "claire");

        projection.on(request, 0);
        projection.on(request, 0);
        projection.on(assignment, 1);
        projection.on(assignment, 1);
        projection.on(new CaseAssigned(first, at(2), at(2), "paul.pdc"), 2);
        projection.on(assignment, 1);

        assertThat(buckets())
                .containsExactly(tuple(
                        "PAS_DE_CALAIS",
                        "CD_BAPAUME",
                        "RECEPTION",
                        "paul.pdc",
                        1,
                        firstRequestAt.getEpochSecond(),
                        firstRequestAt));
    }

    private List<org.assertj.core.groups.Tuple> buckets() {
        return jdbc.query(
                """
                SELECT * FROM caseload_bucket ORDER BY team, prison, stage, caseworker""",
                (rs, row) -> tuple(
                        rs.getString("team"),
                        rs.getString("prison"),
                        rs.getString("stage"),
                        rs.getString("caseworker"),
                        rs.getInt("cases"),
                        rs.getLong("received_epoch_sum"),
                        rs.getTimestamp("oldest_received_at").toInstant()));
    }

    private Instant at(int days) {
        return firstRequestAt.plusSeconds(days * 86_400L);
    }

    private static VisitMediated visit(CaseId caseId, Instant at) {
        return new VisitMediated(
                caseId,
                at,
                at,
                List.of(SubjectId.random()),
                VisitPlace.PRISON_VISITING_ROOM,
                null,
                Accompanier.staff("claire"),
                Accompaniment.PROFESSIONAL,
                60,
                12);
    }

    static RequestReceived request(CaseId caseId, Instant at) {
        SubjectId mother = SubjectId.random();
        return new RequestReceived(
                caseId,
                at,
                at,
                ReferrerType.DETAINED_PARENT,
                ReferralChannel.LETTER,
                Team.PAS_DE_CALAIS,
                Prison.CD_BAPAUME,
                SubjectId.random(),
                PenalStatus.SENTENCED,
                List.of(new PartyOnCase(mother, PartyRole.FREE_PARENT)),
                List.of(new ChildOnCase(
                        SubjectId.random(),
                        LocalDate.of(2015, 6, 1),
                        new Department("62"),
                        HousingType.WITH_FREE_PARENT,
                        mother)),
                false);
    }
}
