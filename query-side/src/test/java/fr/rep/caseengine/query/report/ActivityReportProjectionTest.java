package fr.rep.caseengine.query.report;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.collectiveaction.CollectiveActionId;
import fr.rep.caseengine.events.collectiveaction.CollectiveSessionHeld;
import fr.rep.caseengine.events.collectiveaction.CollectiveSessionKind;
import fr.rep.caseengine.events.collectiveaction.Participant;
import fr.rep.caseengine.events.collectiveaction.TalkingGroupSessionHeld;
import fr.rep.caseengine.events.collectiveaction.TalkingGroupTheme;
import fr.rep.caseengine.events.familycase.Accompanier;
import fr.rep.caseengine.events.familycase.Accompaniment;
import fr.rep.caseengine.events.familycase.CaseReviewed;
import fr.rep.caseengine.events.familycase.ChildAdded;
import fr.rep.caseengine.events.familycase.ChildOnCase;
import fr.rep.caseengine.events.familycase.ClosingReason;
import fr.rep.caseengine.events.familycase.ContactStep;
import fr.rep.caseengine.events.familycase.ContactStepTaken;
import fr.rep.caseengine.events.familycase.CorrectionReason;
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
import fr.rep.caseengine.events.familycase.RequestReceived;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.familycase.VisitMediated;
import fr.rep.caseengine.events.familycase.VisitPlace;
import fr.rep.caseengine.query.ProjectionDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Feeds events to the activity-report projection on PostgreSQL and asks the report of a year, as docs/report.md
 * defines its figures. The tables are emptied before each test: a report counts every case.
 */
class ActivityReportProjectionTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @RegisterExtension
    static final ProjectionDatabase database = new ProjectionDatabase("activity_report");

    final JdbcTemplate jdbc = database.jdbc();

    final ActivityReportProjection projection = new ActivityReportProjection(jdbc, Clock.system(PARIS));
    final ActivityReports reports = new ActivityReports(jdbc);

    @BeforeEach
    void empty() {
        jdbc.execute("""
                TRUNCATE report_case, support_period, report_child, report_fact, family_year, family_tally,
                    child_age_tally, child_band_tally, child_place_tally, fact_tally, report_parent,
                    report_participation""");
        jdbc.update("DELETE FROM report_horizon");
    }

    @Test
    void a_family_counts_for_every_year_its_support_overlaps_and_not_before_its_acceptance_nor_after_its_closing() {
        CaseId family = request(Team.SOMME_AISNE_OISE, "2020-11-10T10:00:00Z", true, child("2015-03-01", "80"));
        projection.on(new RequestAccepted(family, at("2020-12-01T10:00:00Z"), at("2020-12-01T11:00:00Z")), id());
        projection.on(
                new InterventionClosed(
                        family,
                        at("2022-01-01T00:30:00+01:00"),
                        at("2022-01-02T00:00:00Z"),
                        ClosingReason.PARENT_RELEASED),
                id());

        assertThat(families(2019)).isZero();
        assertThat(families(2020)).isOne();
        assertThat(families(2021)).isOne();
        // Closed at 00:30 on 1 January 2022 in Paris (23:30 UTC the day before): that day is in 2022.
        assertThat(families(2022)).isOne();
        assertThat(families(2023)).isZero();
    }

    @Test
    void an_open_family_counts_in_later_years_before_and_after_events_of_those_years_arrive() {
        CaseId family = request(Team.PAS_DE_CALAIS, "2020-03-01T10:00:00Z", false, child("2015-03-01", "62"));
        String acceptance = id();
        RequestAccepted accepted = new RequestAccepted(family, at("2020-03-02T10:00:00Z"), at("2020-03-02T10:00:00Z"));
        projection.on(accepted, acceptance);
        projection.on(accepted, acceptance);

        // No event dated 2022 yet: the open period is counted from the periods themselves.
        Figures before = reports.compute(2022, LocalDate.of(2022, 12, 31)).service();
        // A request of 2023 moves the horizon: 2022 is then read from its tallies.
        request(Team.SOMME_AISNE_OISE, "2023-01-10T10:00:00Z", false, child("2016-01-01", "80"));
        Figures after = reports.compute(2022, LocalDate.of(2022, 12, 31)).service();
        InterventionClosed closing = new InterventionClosed(
                family, at("2023-02-01T10:00:00Z"), at("2023-02-01T10:00:00Z"), ClosingReason.PARENT_RELEASED);
        String closingId = id();
        projection.on(closing, closingId);
        projection.on(closing, closingId);

        assertThat(before.familiesSupported()).isOne();
        assertThat(before.children()).isOne();
        assertThat(before.followUpLength()).containsEntry(ActivityReports.TWO_YEARS_OR_MORE, 1);
        assertThat(after).isEqualTo(before);
        assertThat(families(2020)).isOne();
        assertThat(families(2021)).isOne();
        assertThat(families(2023)).isOne();
        assertThat(reports.compute(2023, LocalDate.of(2023, 12, 31)).service().followUpLength())
                .containsEntry(ActivityReports.TWO_YEARS_OR_MORE, 1);
        assertThat(families(2024)).isZero();
        assertThat(reports.compute(2024, LocalDate.of(2024, 12, 31)).service().children())
                .isZero();
    }

    @Test
    void a_request_never_accepted_is_no_family_supported_and_a_reopened_case_counts_once() {
        request(Team.PAS_DE_CALAIS, "2021-02-01T10:00:00Z", false, child("2010-01-01", "62"));
        CaseId reopened = request(Team.PAS_DE_CALAIS, "2021-02-01T10:00:00Z", false, child("2012-01-01", "62"));
        projection.on(new RequestAccepted(reopened, at("2021-03-01T10:00:00Z"), at("2021-03-01T10:00:00Z")), id());
        projection.on(
                new InterventionClosed(
                        reopened,
                        at("2021-05-01T10:00:00Z"),
                        at("2021-05-01T10:00:00Z"),
                        ClosingReason.PARENT_RELEASED),
                id());
        projection.on(new RequestAccepted(reopened, at("2021-09-02T10:00:00Z"), at("2021-09-02T10:00:00Z")), id());

        Figures figures =
                reports.compute(2021, LocalDate.of(2021, 12, 31)).byTeam().get(Team.PAS_DE_CALAIS);

        assertThat(figures.familiesSupported()).isOne();
        assertThat(figures.children()).isOne();
        // The latest support period, from 2 September to 31 December: less than six months.
        assertThat(figures.followUpLength()).containsEntry(ActivityReports.LESS_THAN_6_MONTHS, 1);
    }

    @Test
    void children_are_counted_by_age_at_the_reference_date_department_and_housing() {
        CaseId family = request(
                Team.SOMME_AISNE_OISE,
                "2021-01-05T10:00:00Z",
                true,
                child("2015-12-31", "80"),
                child("2016-01-01", null),
                child("2005-06-30", "02"));
        accept(family, "2021-01-10T10:00:00Z");
        projection.on(new ChildAdded(
                family, at("2021-06-01T10:00:00Z"), at("2021-06-01T10:00:00Z"), child("2021-05-20", "80")));
        projection.on(new ChildAdded(
                family, at("2022-02-01T10:00:00Z"), at("2022-02-01T10:00:00Z"), child("2022-01-20", "80")));

        Figures atYearEnd = reports.compute(2021, LocalDate.of(2021, 12, 31)).service();
        Figures atMidYear = reports.compute(2021, LocalDate.of(2021, 6, 30)).service();

        assertThat(atYearEnd.children()).isEqualTo(4);
        assertThat(atYearEnd.childrenByAgeBand())
                .containsExactly(Map.entry("0-6", 2), Map.entry("6-12", 1), Map.entry("12-16", 0), Map.entry("16+", 1));
        // The eldest turns 16 on the reference date itself: 16 and over.
        assertThat(atMidYear.childrenByAgeBand())
                .containsExactly(Map.entry("0-6", 3), Map.entry("6-12", 0), Map.entry("12-16", 0), Map.entry("16+", 1));
        assertThat(atYearEnd.childrenByDepartment())
                .extracting(
                        Figures.DepartmentCount::code, Figures.DepartmentCount::name, Figures.DepartmentCount::children)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("02", "Aisne", 1),
                        org.assertj.core.groups.Tuple.tuple("80", "Somme", 2),
                        org.assertj.core.groups.Tuple.tuple(null, "Inconnu", 1));
        assertThat(atYearEnd.childrenByHousing()).containsEntry("WITH_FREE_PARENT", 4);
        assertThat(atYearEnd.familiesWithMeasure()).isEqualTo(new Figures.Share(1, 100));
    }

    @Test
    void facts_count_in_the_year_they_happened_and_a_correction_voids_exactly_the_fact_it_names() {
        CaseId family = request(Team.PAS_DE_CALAIS, "2021-01-05T10:00:00Z", false, child("2015-01-01", "62"));
        accept(family, "2021-01-06T10:00:00Z");
        String firstInterview = id();
        projection.on(
                new InterviewHeld(
                        family,
                        at("2021-01-07T10:00:00Z"),
                        at("2021-01-07T10:00:00Z"),
                        InterviewKind.FIRST,
                        List.of(InterviewParticipant.DETAINED_PARENT),
                        InterviewPlace.IN_DETENTION,
                        null),
                firstInterview);
        projection.on(
                new InterviewHeld(
                        family,
                        at("2021-03-07T10:00:00Z"),
                        at("2021-03-07T10:00:00Z"),
                        InterviewKind.INTERMEDIATE,
                        List.of(InterviewParticipant.FREE_PARENT),
                        InterviewPlace.AT_HOME,
                        null),
                id());
        projection.on(new HomeVisitMade(family, at("2021-04-01T10:00:00Z"), at("2021-04-01T10:00:00Z"), 42), id());
        String visit = id();
        VisitMediated mediated = new VisitMediated(
                family,
                at("2021-05-01T10:00:00Z"),
                at("2021-05-01T10:00:00Z"),
                List.of(SubjectId.random()),
                VisitPlace.PRISON_VISITING_ROOM,
                null,
                Accompanier.staff("claire"),
                Accompaniment.VOLUNTEER,
                60,
                30);
        projection.on(mediated, visit);
        projection.on(mediated, visit);
        projection.on(
                new VisitMediated(
                        family,
                        at("2021-06-01T10:00:00Z"),
                        at("2021-06-01T10:00:00Z"),
                        List.of(SubjectId.random()),
                        VisitPlace.OUTSIDE,
                        null,
                        Accompanier.staff("claire"),
                        Accompaniment.PROFESSIONAL,
                        null,
                        null),
                id());
        projection.on(
                new NurseryAccompanimentMade(
                        family, at("2021-07-01T10:00:00Z"), at("2021-07-01T10:00:00Z"), SubjectId.random(), 12),
                id());
        projection.on(new HomeVisitMade(family, at("2022-01-01T10:00:00Z"), at("2022-01-01T10:00:00Z"), 100), id());

        Figures before =
                reports.compute(2021, LocalDate.of(2021, 12, 31)).byTeam().get(Team.PAS_DE_CALAIS);
        projection.on(new EntryCorrected(
                family,
                at("2022-03-01T10:00:00Z"),
                at("2022-03-01T10:00:00Z"),
                firstInterview,
                CorrectionReason.DUPLICATE));
        Figures after =
                reports.compute(2021, LocalDate.of(2021, 12, 31)).byTeam().get(Team.PAS_DE_CALAIS);

        assertThat(before.interviews()).isEqualTo(2);
        assertThat(before.interviewsByKind()).containsEntry("FIRST", 1).containsEntry("INTERMEDIATE", 1);
        assertThat(before.homeVisits()).isOne();
        assertThat(before.accompaniedVisits()).isEqualTo(new Figures.Visits(1, 1, 2));
        assertThat(before.nurseryAccompaniments()).isOne();
        assertThat(before.kilometres()).isEqualTo(new Figures.Kilometres(54, 30, 84));
        assertThat(after.interviews()).isOne();
        assertThat(after.interviewsByKind()).containsEntry("FIRST", 0).containsEntry("INTERMEDIATE", 1);
        assertThat(after.homeVisits()).isEqualTo(before.homeVisits());
        assertThat(reports.compute(2021, LocalDate.of(2021, 12, 31))
                        .byTeam()
                        .get(Team.SOMME_AISNE_OISE)
                        .interviews())
                .isZero();
    }

    @Test
    void collective_actions_count_sessions_and_participations_by_kind_and_name_their_prison() {
        Participant parent = new Participant(CaseId.random(), SubjectId.random());
        Participant other = new Participant(CaseId.random(), SubjectId.random());
        String snack = id();
        CollectiveSessionHeld held = new CollectiveSessionHeld(
                CollectiveActionId.random(),
                at("2021-05-01T10:00:00Z"),
                at("2021-05-01T10:00:00Z"),
                CollectiveSessionKind.SNACK,
                Team.SOMME_AISNE_OISE,
                Prison.MA_AMIENS,
                List.of(parent, other));
        projection.on(held, snack);
        projection.on(held, snack);
        projection.on(
                new TalkingGroupSessionHeld(
                        CollectiveActionId.random(),
                        at("2021-06-01T10:00:00Z"),
                        at("2021-06-01T10:00:00Z"),
                        Team.SOMME_AISNE_OISE,
                        Prison.MA_AMIENS,
                        1,
                        TalkingGroupTheme.BEING_A_FATHER_IN_DETENTION,
                        List.of(parent, other)),
                id());

        ActivityReports.Columns columns = reports.compute(2021, LocalDate.of(2021, 12, 31));

        assertThat(columns.service().collectiveActions())
                .containsExactly(
                        Map.entry("SNACK", new Figures.Sessions(1, 2)),
                        Map.entry("TALKING_GROUP", new Figures.Sessions(1, 2)),
                        Map.entry("CRAFT_WORKSHOP", new Figures.Sessions(0, 0)));
        assertThat(columns.byTeam().get(Team.SOMME_AISNE_OISE).prisons())
                .containsExactly(new Figures.PrisonCount("MA_AMIENS", "Maison d'arrêt d'Amiens", 0));
        assertThat(columns.byTeam().get(Team.PAS_DE_CALAIS).prisons()).isEmpty();
    }

    @Test
    void the_csv_has_a_french_header_and_one_line_per_row_with_fixed_numbers() {
        CaseId family = request(Team.SOMME_AISNE_OISE, "2021-01-05T10:00:00Z", true, child("2015-01-01", "80"));
        accept(family, "2021-01-06T10:00:00Z");
        CaseId other = request(Team.SOMME_AISNE_OISE, "2021-01-05T10:00:00Z", false, child("2015-01-01", "80"));
        accept(other, "2021-01-06T10:00:00Z");
        CaseId third = request(Team.SOMME_AISNE_OISE, "2021-01-05T10:00:00Z", false, child("2015-01-01", "80"));
        accept(third, "2021-01-06T10:00:00Z");
        ActivityReports.Columns columns = reports.compute(2021, LocalDate.of(2021, 12, 31));

        String csv = new String(
                ReportCsv.write(
                        List.of("Somme–Aisne–Oise", "Pas-de-Calais", "Ensemble du service"),
                        ReportTable.rows(
                                List.of(
                                        columns.byTeam().get(Team.SOMME_AISNE_OISE),
                                        columns.byTeam().get(Team.PAS_DE_CALAIS),
                                        columns.service()),
                                LocalDate.of(2021, 12, 31),
                                ActivityReports.ownDepartments(null))),
                java.nio.charset.StandardCharsets.UTF_8);

        assertThat(csv)
                .startsWith("Rubrique;Détail;Somme–Aisne–Oise;Pas-de-Calais;Ensemble du service\r\n"
                        + "Familles accompagnées;;3;0;3\r\n");
        assertThat(csv).contains("Familles avec mesure éducative et/ou judiciaire;% (arrondi à l'unité);33;;33\r\n");
        assertThat(csv).contains("Enfants concernés;6-12 ans au 31/12/2021;3;0;3\r\n");
        assertThat(csv)
                .contains("Enfants par département de résidence;Somme;3;0;3\r\n"
                        + "Enfants par département de résidence;Aisne;0;0;0\r\n");
        assertThat(csv).contains("Enfants par département de résidence;Autre DPT;0;0;0\r\n");
    }

    @Test
    void detained_parents_and_collective_parents_count_once_each_and_every_trip_adds_its_kilometres() {
        SubjectId shared = SubjectId.random();
        CaseId bothHeld = request(
                Team.SOMME_AISNE_OISE,
                "2021-02-01T10:00:00Z",
                shared,
                new PartyOnCase(SubjectId.random(), PartyRole.DETAINED_PARENT));
        accept(bothHeld, "2021-02-02T10:00:00Z");
        CaseId secondFamily = request(Team.PAS_DE_CALAIS, "2021-03-01T10:00:00Z", shared);
        accept(secondFamily, "2021-03-02T10:00:00Z");
        CaseId notAccepted = request(Team.SOMME_AISNE_OISE, "2021-03-01T10:00:00Z", SubjectId.random());
        projection.on(
                new InterviewHeld(
                        bothHeld,
                        at("2021-04-01T10:00:00Z"),
                        at("2021-04-01T10:00:00Z"),
                        InterviewKind.INTERMEDIATE,
                        List.of(InterviewParticipant.CHILDREN),
                        InterviewPlace.AT_HOME,
                        35),
                id());
        projection.on(
                new InterviewHeld(
                        bothHeld,
                        at("2021-04-02T10:00:00Z"),
                        at("2021-04-02T10:00:00Z"),
                        InterviewKind.INTERMEDIATE,
                        List.of(InterviewParticipant.CHILDREN),
                        InterviewPlace.BY_PHONE,
                        null),
                id());
        projection.on(new HomeVisitMade(bothHeld, at("2021-04-03T10:00:00Z"), at("2021-04-03T10:00:00Z"), 20), id());
        projection.on(
                new ContactStepTaken(
                        bothHeld,
                        at("2021-04-04T10:00:00Z"),
                        at("2021-04-04T10:00:00Z"),
                        ContactStep.MEDIATED_LETTER,
                        List.of(SubjectId.random()),
                        Accompaniment.VOLUNTEER,
                        12),
                id());
        projection.on(new CaseReviewed(bothHeld, at("2021-04-05T10:00:00Z"), at("2021-04-05T10:00:00Z"), 2, 8), id());
        SubjectId withoutCase = SubjectId.random();
        SubjectId notAcceptedParent = SubjectId.random();
        for (String day : List.of("2021-05-01", "2021-06-01")) {
            String session = id();
            CollectiveSessionHeld snack = new CollectiveSessionHeld(
                    CollectiveActionId.random(),
                    at(day + "T14:00:00Z"),
                    at(day + "T15:00:00Z"),
                    CollectiveSessionKind.SNACK,
                    Team.SOMME_AISNE_OISE,
                    Prison.MA_AMIENS,
                    List.of(
                            new Participant(bothHeld, shared),
                            new Participant(null, withoutCase),
                            new Participant(notAccepted, notAcceptedParent)));
            projection.on(snack, session);
            projection.on(snack, session);
        }

        ActivityReports.Columns columns = reports.compute(2021, LocalDate.of(2021, 12, 31));

        Figures somme = columns.byTeam().get(Team.SOMME_AISNE_OISE);
        assertThat(somme.detainedParents()).as("both parents of one family").isEqualTo(2);
        assertThat(columns.byTeam().get(Team.PAS_DE_CALAIS).detainedParents()).isEqualTo(1);
        assertThat(columns.service().detainedParents())
                .as("the parent of two families counts once")
                .isEqualTo(2);
        assertThat(somme.homeVisitsOrInterviewsWithChildren())
                .as("the home visit and the interview at home, " + "not the call")
                .isEqualTo(2);
        assertThat(somme.kilometres()).isEqualTo(new Figures.Kilometres(35 + 20 + 8, 12, 75));
        assertThat(somme.collectiveActions().get("SNACK")).isEqualTo(new Figures.Sessions(2, 6));
        assertThat(somme.collectiveParents())
                .isEqualTo(new Figures.CollectiveParents(
                        3, 2, Map.of("SNACK", 3, "TALKING_GROUP", 0, "CRAFT_WORKSHOP", 0)));
        assertThat(columns.service().collectiveParents().parents()).isEqualTo(3);
    }

    private long families(int year) {
        return reports.compute(year, LocalDate.of(year, 12, 31)).service().familiesSupported();
    }

    private CaseId request(Team team, String at, SubjectId detainedParent, PartyOnCase... otherParents) {
        CaseId caseId = CaseId.random();
        List<PartyOnCase> parties = new java.util.ArrayList<>(List.of(otherParents));
        parties.add(new PartyOnCase(SubjectId.random(), PartyRole.FREE_PARENT));
        projection.on(new RequestReceived(
                caseId,
                at(at),
                at(at),
                ReferrerType.FREE_PARENT,
                ReferralChannel.LETTER,
                team,
                team == Team.SOMME_AISNE_OISE ? Prison.MA_AMIENS : Prison.MA_ARRAS,
                detainedParent,
                PenalStatus.SENTENCED,
                parties,
                List.of(child("2015-01-01", "80")),
                false));
        return caseId;
    }

    private CaseId request(Team team, String at, boolean measure, ChildOnCase... children) {
        CaseId caseId = CaseId.random();
        SubjectId freeParent = SubjectId.random();
        projection.on(new RequestReceived(
                caseId,
                at(at),
                at(at),
                ReferrerType.FREE_PARENT,
                ReferralChannel.LETTER,
                team,
                team == Team.SOMME_AISNE_OISE ? Prison.MA_AMIENS : Prison.MA_ARRAS,
                SubjectId.random(),
                PenalStatus.SENTENCED,
                List.of(new PartyOnCase(freeParent, PartyRole.FREE_PARENT)),
                List.of(children),
                measure));
        return caseId;
    }

    private void accept(CaseId caseId, String at) {
        projection.on(new RequestAccepted(caseId, at(at), at(at)), id());
    }

    private static ChildOnCase child(String birthDate, String department) {
        return new ChildOnCase(
                SubjectId.random(),
                LocalDate.parse(birthDate),
                department == null ? null : new Department(department),
                HousingType.WITH_FREE_PARENT,
                SubjectId.random());
    }

    private static Instant at(String instant) {
        return java.time.OffsetDateTime.parse(instant).toInstant();
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
