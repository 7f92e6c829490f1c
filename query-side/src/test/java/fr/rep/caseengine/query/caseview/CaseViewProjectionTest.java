package fr.rep.caseengine.query.caseview;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.Accompanier;
import fr.rep.caseengine.events.familycase.Accompaniment;
import fr.rep.caseengine.events.familycase.CaseEvent;
import fr.rep.caseengine.events.familycase.CaseFacts;
import fr.rep.caseengine.events.familycase.ChildAdded;
import fr.rep.caseengine.events.familycase.ChildOnCase;
import fr.rep.caseengine.events.familycase.ClosingReason;
import fr.rep.caseengine.events.familycase.ConsentRecorded;
import fr.rep.caseengine.events.familycase.ConsentWithdrawn;
import fr.rep.caseengine.events.familycase.CorrectionReason;
import fr.rep.caseengine.events.familycase.Court;
import fr.rep.caseengine.events.familycase.CourtDecisionRecorded;
import fr.rep.caseengine.events.familycase.CustodyChange;
import fr.rep.caseengine.events.familycase.CustodyChanged;
import fr.rep.caseengine.events.familycase.Department;
import fr.rep.caseengine.events.familycase.EntryCorrected;
import fr.rep.caseengine.events.familycase.ErasureReason;
import fr.rep.caseengine.events.familycase.HousingType;
import fr.rep.caseengine.events.familycase.InterventionClosed;
import fr.rep.caseengine.events.familycase.NoContactOrderLifted;
import fr.rep.caseengine.events.familycase.NoContactOrdered;
import fr.rep.caseengine.events.familycase.PartyOnCase;
import fr.rep.caseengine.events.familycase.PartyRole;
import fr.rep.caseengine.events.familycase.PenalStatus;
import fr.rep.caseengine.events.familycase.PersonalDataErased;
import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.familycase.ReferralChannel;
import fr.rep.caseengine.events.familycase.ReferrerType;
import fr.rep.caseengine.events.familycase.RequestAccepted;
import fr.rep.caseengine.events.familycase.RequestReceived;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.familycase.VisitCancellationReason;
import fr.rep.caseengine.events.familycase.VisitCancelled;
import fr.rep.caseengine.events.familycase.VisitMediated;
import fr.rep.caseengine.events.familycase.VisitPlace;
import fr.rep.caseengine.events.familycase.VisitScheduled;
import fr.rep.caseengine.events.familycase.VisitingPermitExpired;
import fr.rep.caseengine.events.familycase.VisitingPermitIssued;
import fr.rep.caseengine.events.familycase.VisitingRights;
import fr.rep.caseengine.query.ProjectionDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/** Feeds events to the case view projection on PostgreSQL and reads the tables it owns. */
class CaseViewProjectionTest {

    @RegisterExtension
    static final ProjectionDatabase database = new ProjectionDatabase("case_views");

    final JdbcTemplate jdbc = database.jdbc();

    final CaseId caseId = CaseId.random();
    final SubjectId father = SubjectId.random();
    final SubjectId mother = SubjectId.random();
    final SubjectId lea = SubjectId.random();
    final Instant requestAt = Instant.parse("2026-10-01T08:00:00Z");

    CaseViewProjection projection = new CaseViewProjection(jdbc);

    @Test
    void a_child_added_later_is_listed_after_everyone_and_counted() {
        projection.on(requestReceived(), 0, "request");
        SubjectId baby = SubjectId.random();

        projection.on(
                new ChildAdded(
                        caseId,
                        at(3),
                        at(4),
                        new ChildOnCase(
                                baby,
                                LocalDate.of(2026, 9, 20),
                                new Department("62"),
                                HousingType.WITH_FREE_PARENT,
                                mother)),
                1);
        projection.on(
                new ChildAdded(
                        caseId,
                        at(3),
                        at(4),
                        new ChildOnCase(
                                baby,
                                LocalDate.of(2026, 9, 20),
                                new Department("62"),
                                HousingType.WITH_FREE_PARENT,
                                mother)),
                1);

        assertThat(jdbc.queryForList(
                        "SELECT subject_id FROM case_view_person WHERE case_id = ? ORDER BY position",
                        UUID.class,
                        caseId.value()))
                .containsExactly(father.value(), mother.value(), lea.value(), baby.value());
        assertThat(jdbc.queryForObject(
                        "SELECT children_count FROM case_view WHERE case_id = ?", Integer.class, caseId.value()))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "SELECT birth_date FROM case_view_person WHERE subject_id = ?", LocalDate.class, baby.value()))
                .isEqualTo(LocalDate.of(2026, 9, 20));
    }

    @Test
    void a_request_creates_the_case_row_and_one_row_per_person() {
        projection.on(requestReceived(), 0, "request");

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM case_view WHERE case_id = ?", caseId.value());
        assertThat(row)
                .containsEntry("team", "PAS_DE_CALAIS")
                .containsEntry("stage", "RECEPTION")
                .containsEntry("children_count", 1)
                .containsEntry("version", 0L);
        assertThat(jdbc.queryForList(
                        "SELECT role FROM case_view_person WHERE case_id = ? ORDER BY position",
                        String.class,
                        caseId.value()))
                .containsExactly("DETAINED_PARENT", "FREE_PARENT", "CHILD");
    }

    @Test
    void acceptance_visits_custody_and_closing_move_the_stage_and_the_version() {
        projection.on(requestReceived(), 0, "request");
        projection.on((CaseEvent) new RequestAccepted(caseId, at(1), at(1)), 1);
        assertThat(stageAndVersion()).containsExactly("SETTING_UP", 1L);

        projection.on(new ConsentRecorded(caseId, at(2), at(2), mother, PartyRole.FREE_PARENT), 2, "event-2");
        assertThat(stageAndVersion()).containsExactly("SETTING_UP", 2L);
        projection.on(visit(at(3), VisitPlace.PRISON_VISITING_ROOM), 3, "visit-3");
        assertThat(stageAndVersion()).containsExactly("CLOSED_SETTING", 3L);
        projection.on((CaseEvent) new CustodyChanged(caseId, at(4), at(4), CustodyChange.LEAVE_PERMIT, null), 4);
        assertThat(stageAndVersion()).containsExactly("OPEN_SETTING", 4L);

        projection.on(new InterventionClosed(caseId, at(5), at(5), ClosingReason.PARENT_RELEASED), 5);
        assertThat(stageAndVersion()).containsExactly("CLOSED", 5L);
        assertThat(jdbc.queryForObject(
                        "SELECT closing_reason FROM case_view WHERE case_id = ?", String.class, caseId.value()))
                .isEqualTo("PARENT_RELEASED");
    }

    @Test
    void an_event_delivered_twice_changes_the_view_once() {
        projection.on(requestReceived(), 0, "request");
        projection.on(requestReceived(), 0, "request");
        VisitMediated visit = visit(at(3), VisitPlace.OUTSIDE);

        projection.on(visit, 1, "visit-1");
        projection.on(visit, 1, "visit-1");

        assertThat(jdbc.queryForObject(
                        "SELECT visit_count FROM case_view WHERE case_id = ?", Integer.class, caseId.value()))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM case_view_person WHERE case_id = ?", Integer.class, caseId.value()))
                .isEqualTo(3);
    }

    @Test
    void an_erasure_marks_that_person_only_keeps_the_facts_and_a_redelivery_changes_nothing() {
        projection.on(requestReceived(), 0, "request");
        Map<String, Object> childBefore = jdbc.queryForMap(
                "SELECT birth_date, department, housing FROM case_view_person WHERE subject_id = ?", lea.value());
        PersonalDataErased erasure =
                new PersonalDataErased(caseId, at(2), at(2), lea, ErasureReason.REQUEST_OF_THE_PERSON);

        projection.on(erasure, 1);
        projection.on(erasure, 1);
        projection.on(new PersonalDataErased(caseId, at(4), at(4), lea, ErasureReason.REQUEST_OF_THE_PERSON), 1);

        assertThat(jdbc.queryForList(
                        "SELECT subject_id FROM case_view_person WHERE case_id = ? AND erased_at = ?",
                        java.util.UUID.class,
                        caseId.value(),
                        java.sql.Timestamp.from(at(2))))
                .containsExactly(lea.value());
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM case_view_person WHERE case_id = ? AND erased_at IS NULL",
                        Integer.class,
                        caseId.value()))
                .isEqualTo(2);
        assertThat(jdbc.queryForMap(
                        "SELECT birth_date, department, housing FROM case_view_person WHERE subject_id = ?",
                        lea.value()))
                .isEqualTo(childBefore);
        assertThat(jdbc.queryForObject("SELECT version FROM case_view WHERE case_id = ?", Long.class, caseId.value()))
                .isEqualTo(1L);
    }

    @Test
    void a_consent_change_reported_late_does_not_override_a_later_one() {
        projection.on(requestReceived(), 0, "request");
        projection.on(new ConsentRecorded(caseId, at(1), at(1), mother, PartyRole.FREE_PARENT), 1, "event-1");
        projection.on(new ConsentWithdrawn(caseId, at(5), at(5), mother, PartyRole.FREE_PARENT), 2, "event-2");
        projection.on(new ConsentRecorded(caseId, at(7), at(7), mother, PartyRole.FREE_PARENT), 3, "event-3");
        projection.on(new ConsentWithdrawn(caseId, at(3), at(8), mother, PartyRole.FREE_PARENT), 4, "event-4");

        Map<String, Object> consent = jdbc.queryForMap(
                "SELECT consent_given, consent_changed_at FROM case_view_person WHERE subject_id = ?", mother.value());
        assertThat(consent.get("consent_given")).isEqualTo(true);
        assertThat(((java.sql.Timestamp) consent.get("consent_changed_at")).toInstant())
                .isEqualTo(at(7));
    }

    @Test
    void a_planned_visit_is_listed_held_and_planned_again_when_the_record_of_it_held_is_corrected() {
        projection.on(requestReceived(), 0, "request");
        UUID held = UUID.randomUUID();
        UUID cancelled = UUID.randomUUID();
        projection.on(
                new VisitScheduled(
                        caseId,
                        at(1),
                        at(1),
                        held,
                        at(3),
                        List.of(lea),
                        VisitPlace.OUTSIDE,
                        Accompanier.staff("claire")),
                1);
        projection.on(
                new VisitScheduled(
                        caseId,
                        at(1),
                        at(1),
                        held,
                        at(3),
                        List.of(lea),
                        VisitPlace.OUTSIDE,
                        Accompanier.staff("claire")),
                1);
        projection.on(
                new VisitScheduled(
                        caseId,
                        at(1),
                        at(1),
                        cancelled,
                        at(4),
                        List.of(lea),
                        VisitPlace.OUTSIDE,
                        Accompanier.staff("claire")),
                2);
        projection.on(
                new VisitMediated(
                        caseId,
                        at(3),
                        at(3),
                        List.of(lea),
                        VisitPlace.OUTSIDE,
                        held,
                        Accompanier.staff("claire"),
                        Accompaniment.PROFESSIONAL,
                        60,
                        12),
                3,
                "held-event");
        projection.on(new VisitCancelled(caseId, at(2), at(2), cancelled, VisitCancellationReason.CHILD_ILL), 4);
        assertThat(visitStatuses()).containsExactly("HELD", "CANCELLED");

        projection.on(
                new EntryCorrected(caseId, at(5), at(5), "held-event", CorrectionReason.WRONG_CASE), 5, "event-5");

        assertThat(visitStatuses()).containsExactly("SCHEDULED", "CANCELLED");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM case_view_visit WHERE case_id = ?", Integer.class, caseId.value()))
                .isEqualTo(2);
    }

    @Test
    void permits_the_penal_path_court_decisions_and_no_contact_orders_are_listed_once_and_a_corrected_step_marked() {
        projection.on(requestReceived(), 0, "request");
        projection.on(
                new VisitingPermitIssued(
                        caseId,
                        at(1),
                        at(1),
                        Accompanier.staff("claire"),
                        Prison.CD_BAPAUME,
                        LocalDate.of(2027, 6, 30)),
                1);
        projection.on(
                new VisitingPermitIssued(
                        caseId,
                        at(1),
                        at(1),
                        Accompanier.staff("claire"),
                        Prison.CD_BAPAUME,
                        LocalDate.of(2027, 6, 30)),
                1);
        projection.on(
                new VisitingPermitExpired(caseId, at(2), at(2), Accompanier.staff("claire"), Prison.CD_BAPAUME), 2);
        projection.on(
                new CustodyChanged(caseId, at(3), at(3), CustodyChange.TRANSFERRED, Prison.MA_AMIENS), 3, "transfer");
        projection.on(
                new CustodyChanged(caseId, at(3), at(3), CustodyChange.TRANSFERRED, Prison.MA_AMIENS), 3, "transfer");
        projection.on(
                new CourtDecisionRecorded(
                        caseId, at(4), at(4), Court.FAMILY_JUDGE, VisitingRights.MEDIATED_ONLY, List.of(lea)),
                4,
                "decision");
        SubjectId baby = SubjectId.random();
        projection.on(new NoContactOrdered(caseId, at(5), at(5), Court.CRIMINAL_COURT, List.of(lea, baby)), 5, "order");
        projection.on(new NoContactOrderLifted(caseId, at(6), at(6), List.of(lea)), 6);
        projection.on(new NoContactOrderLifted(caseId, at(7), at(7), List.of(lea)), 6);
        projection.on(new EntryCorrected(caseId, at(8), at(8), "transfer", CorrectionReason.WRONG_DATE), 7, "event-7");

        Map<String, Object> permit =
                jdbc.queryForMap("SELECT * FROM case_view_permit WHERE case_id = ?", caseId.value());
        assertThat(permit)
                .containsEntry("accompanier", "account:claire")
                .containsEntry("prison", "CD_BAPAUME")
                .containsEntry("valid_until", java.sql.Date.valueOf("2027-06-30"));
        assertThat(((java.sql.Timestamp) permit.get("ended_at")).toInstant()).isEqualTo(at(2));
        assertThat(jdbc.queryForList(
                        "SELECT change || ' ' || prison || ' ' || corrected FROM case_view_custody "
                                + "WHERE case_id = ?",
                        String.class,
                        caseId.value()))
                .containsExactly("TRANSFERRED MA_AMIENS true");
        assertThat(jdbc.queryForMap(
                        "SELECT court, rights, children FROM case_view_court_decision WHERE case_id = ?",
                        caseId.value()))
                .containsEntry("court", "FAMILY_JUDGE")
                .containsEntry("rights", "MEDIATED_ONLY");
        assertThat(jdbc.queryForList(
                        "SELECT lifted_at FROM case_view_no_contact WHERE case_id = ? ORDER BY child = ?",
                        java.sql.Timestamp.class,
                        caseId.value(),
                        lea.value()))
                .as("the lifting names Léa only; a redelivered lifting changes nothing")
                .containsExactly(null, java.sql.Timestamp.from(at(6)));
    }

    @Test
    void a_transfer_moves_the_case_s_prison_and_correcting_it_a_consent_or_a_visit_held_undoes_them_in_the_list() {
        projection.on(requestReceived(), 0, "request");
        projection.on(new ConsentRecorded(caseId, at(1), at(1), mother, PartyRole.FREE_PARENT), 1, "consent");
        projection.on(visit(at(2), VisitPlace.OUTSIDE), 2, "visit");
        projection.on(
                new CustodyChanged(caseId, at(3), at(3), CustodyChange.TRANSFERRED, Prison.MA_AMIENS),
                3,
                "undone-transfer");
        assertThat(prisonAndVisits()).containsExactly("MA_AMIENS", 1);
        assertThat(consentOf(mother)).isEqualTo(new CaseFacts.Consent(true, at(1), null));

        projection.on(new EntryCorrected(caseId, at(4), at(4), "consent", CorrectionReason.WRONG_CASE), 4, "c1");
        projection.on(new EntryCorrected(caseId, at(4), at(4), "visit", CorrectionReason.WRONG_CASE), 5, "c2");
        projection.on(
                new EntryCorrected(caseId, at(4), at(4), "undone-transfer", CorrectionReason.WRONG_DATE), 6, "c3");

        assertThat(prisonAndVisits()).containsExactly("CD_BAPAUME", 0);
        assertThat(consentOf(mother)).as("the only consent was voided").isNull();
        assertThat(jdbc.queryForObject(
                        "SELECT last_visit_at FROM case_view WHERE case_id = ?", Instant.class, caseId.value()))
                .isNull();
    }

    @Test
    void a_consent_with_an_end_has_expired_after_its_last_day_and_a_transfer_reported_late_leaves_the_later_one() {
        projection.on(requestReceived(), 0, "request");
        LocalDate lastDay = LocalDate.of(2026, 10, 20);
        projection.on(new ConsentRecorded(caseId, at(1), at(1), mother, PartyRole.FREE_PARENT, lastDay), 1, "consent");
        projection.on(
                new CustodyChanged(caseId, at(5), at(5), CustodyChange.TRANSFERRED, Prison.MA_AMIENS),
                2,
                "later-transfer");
        projection.on(
                new CustodyChanged(caseId, at(3), at(6), CustodyChange.TRANSFERRED, Prison.CP_LAON),
                3,
                "earlier-transfer");

        CaseFacts.Consent kept = consentOf(mother);
        assertThat(kept).isEqualTo(new CaseFacts.Consent(true, at(1), lastDay));
        assertThat(CaseViewController.Consent.today(kept, lastDay).state()).isEqualTo(CaseFacts.ConsentState.GIVEN);
        assertThat(CaseViewController.Consent.today(kept, lastDay.plusDays(1)))
                .isEqualTo(new CaseViewController.Consent(false, CaseFacts.ConsentState.EXPIRED, at(1), lastDay));
        assertThat(prisonAndVisits()).containsExactly("MA_AMIENS", 0);
    }

    private List<Object> prisonAndVisits() {
        Map<String, Object> row =
                jdbc.queryForMap("SELECT prison, visit_count FROM case_view WHERE case_id = ?", caseId.value());
        return List.of(row.get("prison"), row.get("visit_count"));
    }

    /** The consent entry the view keeps for a party, or {@code null} when it keeps none. */
    private CaseFacts.Consent consentOf(SubjectId party) {
        return jdbc.queryForObject(
                "SELECT consent_given, consent_changed_at, consent_valid_until "
                        + "FROM case_view_person WHERE case_id = ? AND subject_id = ?",
                (rs, row) -> rs.getObject("consent_changed_at") == null
                        ? null
                        : new CaseFacts.Consent(
                                rs.getBoolean(1), rs.getTimestamp(2).toInstant(), rs.getObject(3, LocalDate.class)),
                caseId.value(),
                party.value());
    }

    private List<String> visitStatuses() {
        return jdbc.queryForList(
                "SELECT status FROM case_view_visit WHERE case_id = ? ORDER BY planned_for",
                String.class,
                caseId.value());
    }

    private VisitMediated visit(Instant at, VisitPlace place) {
        return new VisitMediated(
                caseId,
                at,
                at,
                List.of(lea),
                place,
                null,
                Accompanier.staff("claire"),
                Accompaniment.PROFESSIONAL,
                60,
                12);
    }

    private List<Object> stageAndVersion() {
        Map<String, Object> row =
                jdbc.queryForMap("SELECT stage, version FROM case_view WHERE case_id = ?", caseId.value());
        return List.of(row.get("stage"), row.get("version"));
    }

    private Instant at(int days) {
        return requestAt.plusSeconds(days * 86_400L);
    }

    private RequestReceived requestReceived() {
        return new RequestReceived(
                caseId,
                requestAt,
                requestAt,
                ReferrerType.DETAINED_PARENT,
                ReferralChannel.LETTER,
                Team.PAS_DE_CALAIS,
                Prison.CD_BAPAUME,
                father,
                PenalStatus.SENTENCED,
                List.of(new PartyOnCase(mother, PartyRole.FREE_PARENT)),
                List.of(new ChildOnCase(
                        lea, LocalDate.of(2015, 6, 1), new Department("62"), HousingType.WITH_FREE_PARENT, mother)),
                false);
    }
}
