package fr.rep.caseengine.app.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.rep.caseengine.app.CaseApi;
import fr.rep.caseengine.app.EmbeddedDatabaseTest;
import fr.rep.caseengine.app.browser.Screenshots;
import fr.rep.caseengine.app.security.AccountStore;
import fr.rep.caseengine.benchmark.CaseDataset;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.staff.Role;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The activity report of years of generated activity equals the figures counted independently from the stored
 * events ({@link ReportOracle}), for the whole service and each team; its CSV is reproducible, its PDF a French page;
 * a correction changes a count as docs/report.md says. The store is shared with other test classes: the oracle counts
 * every event in it, as the report does.
 */
class ActivityReportIT extends EmbeddedDatabaseTest {

    static final String MANAGER = "marc.service";
    static final String TEAM_MANAGER = "sophie.manager";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static boolean loaded;

    @Autowired
    TestRestTemplate http;

    @Autowired
    AccountStore accounts;

    @Autowired
    EventStorageEngine storage;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    @BeforeEach
    void activity() {
        CaseApi.ensureAccount(accounts, MANAGER, Set.of(Role.SERVICE_MANAGER), null);
        CaseApi.ensureAccount(accounts, TEAM_MANAGER, Set.of(Role.TEAM_MANAGER), Team.SOMME_AISNE_OISE);
        CaseApi.ensureAccount(accounts, CaseApi.CASEWORKER, Set.of(Role.CASEWORKER), Team.SOMME_AISNE_OISE);
        if (loaded) {
            return;
        }
        List<EventMessage<?>> events = new ArrayList<>();
        new CaseDataset(41, new CaseDataset.Sizes(400, 4_000, 2, 150, 0, 0))
                .generate(event -> events.add(event.toMessage()));
        events.addAll(new GeneratedActivity(43).generate(150, 80));
        for (int from = 0; from < events.size(); from += 250) {
            storage.appendEvents(events.subList(from, Math.min(events.size(), from + 250)));
        }
        loaded = true;
        awaitReportCaughtUp();
    }

    /** Until every segment of the activity-report processor has read the store up to its current head. */
    private void awaitReportCaughtUp() {
        long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        StreamingEventProcessor processor = processing
                .eventProcessor("activity-report", StreamingEventProcessor.class)
                .orElseThrow();
        await().atMost(Duration.ofSeconds(240))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> !processor.processingStatus().isEmpty()
                        && processor.processingStatus().values().stream()
                                .allMatch(status -> status.getCurrentPosition().orElse(-1) >= head));
    }

    @Test
    void the_report_of_each_year_matches_a_count_made_independently_from_the_events() {
        ReportOracle oracle = new ReportOracle();
        try (Stream<? extends EventMessage<?>> stored = storage.readEvents(null, false)) {
            stored.forEach(oracle::apply);
        }

        Map<String, Object> expected2022 = oracle.figures(2022, LocalDate.of(2022, 12, 31), null);
        assertThat(expected2022)
                .as("the generated activity has every kind of fact")
                .hasEntrySatisfying(
                        "interviews", count -> assertThat((Long) count).isPositive())
                .hasEntrySatisfying(
                        "accompaniedVisits.outside",
                        count -> assertThat((Long) count).isPositive())
                .hasEntrySatisfying(
                        "nurseryAccompaniments",
                        count -> assertThat((Long) count).isPositive())
                .hasEntrySatisfying(
                        "kilometres.volunteers",
                        count -> assertThat((Long) count).isPositive())
                .hasEntrySatisfying(
                        "collectiveActions.TALKING_GROUP.sessions",
                        count -> assertThat((Long) count).isPositive());
        assertThat(oracle.corrections()).as("corrected facts").isPositive();

        for (int year = 2019; year <= 2025; year++) {
            int asked = year;
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        JsonNode report = json(get(MANAGER, "/api/reports/activity/" + asked));
                        assertThat(ReportOracle.flatten(report.get("figures")))
                                .as("whole service, %s", asked)
                                .isEqualTo(oracle.figures(asked, LocalDate.of(asked, 12, 31), null));
                        for (JsonNode team : report.get("byTeam")) {
                            Team each = Team.valueOf(team.get("team").asText());
                            assertThat(ReportOracle.flatten(team.get("figures")))
                                    .as("%s, %s", each, asked)
                                    .isEqualTo(oracle.figures(asked, LocalDate.of(asked, 12, 31), each));
                        }
                    });
        }
        JsonNode midYear = json(get(MANAGER, "/api/reports/activity/2022?team=PAS_DE_CALAIS&referenceDate=2022-06-30"));
        assertThat(midYear.get("referenceDate").asText()).isEqualTo("2022-06-30");
        assertThat(ReportOracle.flatten(midYear.get("figures")))
                .isEqualTo(oracle.figures(2022, LocalDate.of(2022, 6, 30), Team.PAS_DE_CALAIS));
        assertThat(midYear.get("figures").get("familiesSupported").asInt()).isPositive();
    }

    @Test
    void a_correction_takes_the_corrected_interview_out_of_the_count_of_the_year_it_happened() {
        CaseApi claire = new CaseApi(http, CaseApi.CASEWORKER);
        String caseId = claire.openCase().read("$.caseId");
        String occurredAt = CaseApi.daysAgo(2);
        int year = OffsetDateTime.parse(occurredAt)
                .atZoneSameInstant(ReportOracle.ZONE)
                .getYear();
        String path = "/api/reports/activity/" + year + "?team=SOMME_AISNE_OISE";
        awaitReportCaughtUp();
        int before = json(get(MANAGER, path))
                .at("/figures/interviewsByKind/INTERMEDIATE")
                .asInt();

        assertThat(claire.post("/api/cases/" + caseId + "/interviews", """
                {"occurredAt": "%s", "kind": "INTERMEDIATE", "participants": ["DETAINED_PARENT"],
                 "place": "IN_DETENTION"}""".formatted(occurredAt), Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(json(get(MANAGER, path))
                                .at("/figures/interviewsByKind/INTERMEDIATE")
                                .asInt())
                        .isEqualTo(before + 1));
        String interview = jdbc.queryForObject("""
                SELECT event_identifier FROM domain_event_entry WHERE aggregate_identifier = ?
                AND payload_type LIKE '%InterviewHeld'""", String.class, caseId);
        assertThat(claire.post(
                                "/api/cases/" + caseId + "/corrections",
                                """
                {"occurredAt": "%s", "correctedEventId": "%s", "reason": "DUPLICATE"}""".formatted(CaseApi.daysAgo(1), interview),
                                Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(json(get(MANAGER, path))
                                .at("/figures/interviewsByKind/INTERMEDIATE")
                                .asInt())
                        .isEqualTo(before));
    }

    @Test
    void the_same_year_asked_twice_gives_byte_identical_csv_with_french_labels() {
        ResponseEntity<byte[]> first = http.withBasicAuth(MANAGER, CaseApi.PASSWORD)
                .getForEntity("/api/reports/activity/2021.csv", byte[].class);
        ResponseEntity<byte[]> second = http.withBasicAuth(MANAGER, CaseApi.PASSWORD)
                .getForEntity("/api/reports/activity/2021.csv", byte[].class);

        assertThat(first.getStatusCode().value()).isEqualTo(200);
        assertThat(first.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv")))
                .isTrue();
        assertThat(second.getBody()).isEqualTo(first.getBody());
        String csv = new String(first.getBody(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).startsWith("Rubrique;Détail;Somme–Aisne–Oise;Pas-de-Calais;Ensemble du service\r\n");
        JsonNode report = json(get(MANAGER, "/api/reports/activity/2021"));
        assertThat(csv)
                .contains("Familles accompagnées;;"
                        + report.at("/byTeam/0/figures/familiesSupported").asInt()
                        + ";" + report.at("/byTeam/1/figures/familiesSupported").asInt() + ";"
                        + report.at("/figures/familiesSupported").asInt() + "\r\n");
        assertThat(csv).contains("Enfants concernés;0-6 ans au 31/12/2021;");
    }

    @Test
    void a_team_report_is_that_teams_column_of_the_service_report_and_a_team_manager_gets_their_own() {
        JsonNode service = json(get(MANAGER, "/api/reports/activity/2020"));
        JsonNode team = json(get(MANAGER, "/api/reports/activity/2020?team=SOMME_AISNE_OISE"));
        JsonNode own = json(get(TEAM_MANAGER, "/api/reports/activity/2020"));

        assertThat(team.get("figures")).isEqualTo(service.at("/byTeam/0/figures"));
        assertThat(team.get("byTeam")).isEmpty();
        assertThat(own.get("team").asText()).isEqualTo("SOMME_AISNE_OISE");
        assertThat(own.get("figures")).isEqualTo(team.get("figures"));
        String csv = get(MANAGER, "/api/reports/activity/2020.csv?team=SOMME_AISNE_OISE")
                .getBody();
        assertThat(csv)
                .startsWith("Rubrique;Détail;Somme–Aisne–Oise\r\nFamilles accompagnées;;"
                        + team.at("/figures/familiesSupported").asInt() + "\r\n");
        JsonNode years = json(get(MANAGER, "/api/reports/activity?from=2019&to=2021"));
        assertThat(years.get("years")).hasSize(3);
        assertThat(years.at("/years/1/figures")).isEqualTo(service.get("figures"));
    }

    /**
     * The document a funder receives: the table on the first A4 page alone, the captioned charts, then the four-year
     * comparison; every font embedded. Its pages are rendered to docs/screenshots/bilan-pdf-*.png, to be looked at.
     */
    @Test
    void the_pdf_is_the_table_on_one_page_then_the_charts_then_the_four_years_with_embedded_fonts() throws Exception {
        ResponseEntity<byte[]> pdf = http.withBasicAuth(MANAGER, CaseApi.PASSWORD)
                .getForEntity("/api/reports/activity/2021.pdf", byte[].class);

        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(new String(pdf.getBody(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                ImageIO.write(
                        renderer.renderImageWithDPI(page, 110),
                        "png",
                        Screenshots.DIRECTORY
                                .resolve("bilan-pdf-page-" + (page + 1) + ".png")
                                .toFile());
            }
            assertThat(document.getNumberOfPages()).isEqualTo(3);
            PDFTextStripper stripper = new PDFTextStripper();
            List<String> pages = new ArrayList<>();
            for (int page = 1; page <= 3; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                // Words as a reader reads them, whatever line a cell wraps them on.
                pages.add(stripper.getText(document).replaceAll("\\s+", " "));
                assertThat(document.getPage(page - 1).getMediaBox().getHeight())
                        .as("A4")
                        .isEqualTo(842f, offset(1f));
            }
            assertThat(pages.get(0))
                    .contains("Bilan d'activité 2021", "pourcentages arrondis à l'unité")
                    .contains("Ensemble du service")
                    .contains("Familles accompagnées")
                    .contains("Parents détenus")
                    .contains("Accompagnements en droit de visite")
                    .contains("% (arrondi à l'unité)")
                    .contains("Autre DPT")
                    .as("the last row of the table is on the first page")
                    .contains("dont parents non suivis en dossier")
                    .doesNotContain("Origine de la demande");
            assertThat(pages.get(1))
                    .contains(
                            "Enfants concernés par tranche d'âge",
                            "Origine de la demande",
                            "Hébergement des enfants",
                            "Durée de suivi des familles accompagnées",
                            "Origine géographique des enfants",
                            "regroupe tous les autres départements");
            assertThat(pages.get(2)).contains("Comparatif 2018–2021", "une année sans activité compte zéro");
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded())
                            .as("font %s embedded", font.getName())
                            .isTrue();
                }
            }
        }
    }

    @Test
    void bad_parameters_are_problems_naming_the_parameter() {
        assertProblem(get(MANAGER, "/api/reports/activity/1999"), "year");
        assertProblem(get(MANAGER, "/api/reports/activity/2021?referenceDate=31-12-2021"), "referenceDate");
        assertProblem(get(MANAGER, "/api/reports/activity/2021?team=NORD"), "team");
        assertProblem(get(MANAGER, "/api/reports/activity?from=2021&to=2019"), "to");
    }

    private void assertProblem(ResponseEntity<String> response, String field) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(json(response).at("/errors/0/field").asText()).isEqualTo(field);
    }

    private ResponseEntity<String> get(String account, String path) {
        return http.withBasicAuth(account, CaseApi.PASSWORD).getForEntity(path, String.class);
    }

    private static JsonNode json(ResponseEntity<String> response) {
        try {
            return JSON.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }
}
