package fr.rep.caseengine.query.report;

import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.staff.Caller;
import fr.rep.caseengine.events.staff.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * « Bilan d'activité »: the annual activity report of {@code GET /api/reports/activity/{year}} as a page, computed by
 * the same code within the same scope, laid out as the CSV and the PDF print it (the rows and words of the service's
 * published report), its charts with their captions, the four years up to the one asked side by side, and a link
 * from each row to its definition in docs/report.md, which the app serves as {@code /bilan/definitions} (the
 * service's network may not reach GitHub, and the definitions served are those of the running version).
 */
@Controller
class ActivityReportPage {

    static final String DEFINITIONS = "/bilan/definitions";
    private static final int YEARS_SHOWN = 10;
    /** Each section of the table and the heading of docs/report.md that defines it (GitHub's anchor ids). */
    private static final Map<String, String> DEFINED_IN = Map.ofEntries(
            Map.entry("Familles accompagnées", "families-supported-familles-accompagnées"),
            Map.entry(ReportTable.DETAINED_PARENTS, "detained-parents-parents-détenus"),
            Map.entry(ReportTable.WITH_CHILDREN, "home-visits-or-interviews-with-the-children"),
            Map.entry(
                    ReportTable.VISITING_RIGHTS,
                    "accompaniments-in-visiting-rights-accompagnements-en-droit-de-visite"),
            Map.entry("Enfants concernés", "children-concerned-enfants-concernés-by-age-band"),
            Map.entry("Entretiens", "interviews-home-visits-accompanied-visits-nursery-accompaniments"),
            Map.entry("Visites accompagnées", "interviews-home-visits-accompanied-visits-nursery-accompaniments"),
            Map.entry("Accompagnements EAJE", "interviews-home-visits-accompanied-visits-nursery-accompaniments"),
            Map.entry("Kilomètres parcourus", "kilometres-travelled-déplacements"),
            Map.entry("Origine de la saisine", "origin-of-requests-origine-de-la-saisine"),
            Map.entry(
                    "Familles avec mesure éducative et/ou judiciaire",
                    "families-with-an-educational-andor-judicial-measure"),
            Map.entry(
                    "Familles avec mesure (%, arrondi à l'unité)",
                    "families-with-an-educational-andor-judicial-measure"),
            Map.entry(
                    "Enfants par département de résidence",
                    "children-by-département-of-residence-childrens-housing-types"),
            Map.entry("Hébergement des enfants", "children-by-département-of-residence-childrens-housing-types"),
            Map.entry("Lieux d'intervention", "places-of-intervention-lieux-dintervention"),
            Map.entry("Lieux d'intervention (familles)", "places-of-intervention-lieux-dintervention"),
            Map.entry("Durée de suivi des familles", "length-of-follow-up-durée-de-suivi"),
            Map.entry("Actions collectives", "collective-actions"),
            Map.entry("Actions collectives : séances", "collective-actions"));

    private final ActivityReportController reports;
    private final Clock clock;
    private volatile String definitions;

    ActivityReportPage(ActivityReportController reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    /** A row of a section: its detail and one printed value per column. */
    record Line(String detail, List<String> values) {}

    /** Consecutive rows of one section of the table, and where the section's figures are defined. */
    record Section(String name, String definition, List<Line> lines, boolean charted) {}

    @GetMapping("/bilan")
    String report(
            Caller caller,
            @RequestParam(name = "annee", required = false) Integer year,
            @RequestParam(name = "antenne", required = false) Team team,
            Model model) {
        int thisYear = LocalDate.now(clock).getYear();
        int asked = year == null ? thisYear : year;
        if (asked < 2000 || asked > 2100) {
            throw new InvalidReportRequest("annee", "must be between 2000 and 2100");
        }
        ActivityReportController.ActivityReport report = reports.report(asked, team, null, caller);
        model.addAttribute("report", report);
        model.addAttribute("columns", ActivityReportController.columnLabels(report));
        model.addAttribute("sections", sections(ActivityReportController.rows(report)));
        model.addAttribute("charts", report.charts());
        model.addAttribute("comparisonCaption", report.comparison().caption());
        model.addAttribute("comparedYears", report.comparison().years());
        model.addAttribute("comparison", sections(report.comparison().rows()));
        model.addAttribute("year", asked);
        model.addAttribute("years", yearsToChoose(thisYear, asked));
        model.addAttribute("mayChooseTeam", caller.has(Role.SERVICE_MANAGER) || caller.has(Role.AUDITOR));
        model.addAttribute("teams", Team.values());
        model.addAttribute("teamParameter", team == null ? "" : "?team=" + team.name());
        model.addAttribute("definitions", DEFINITIONS);
        return "report/activity";
    }

    @GetMapping(DEFINITIONS)
    String definitions(Model model) {
        model.addAttribute("html", definitionsHtml());
        return "report/definitions";
    }

    private static List<Integer> yearsToChoose(int thisYear, int asked) {
        List<Integer> years = new ArrayList<>();
        for (int year = thisYear; year > thisYear - YEARS_SHOWN && year >= 2000; year--) {
            years.add(year);
        }
        if (!years.contains(asked)) {
            years.add(asked);
        }
        return years;
    }

    private static List<Section> sections(List<ReportTable.Row> rows) {
        NumberFormat french = NumberFormat.getIntegerInstance(Locale.FRANCE);
        List<Section> sections = new ArrayList<>();
        for (ReportTable.Row row : rows) {
            Section last = sections.isEmpty() ? null : sections.get(sections.size() - 1);
            if (last == null || !last.name().equals(row.section())) {
                last = new Section(
                        row.section(),
                        DEFINITIONS + "#" + DEFINED_IN.get(row.section()),
                        new ArrayList<>(),
                        ReportCharts.COMPARED.contains(row.section()));
                sections.add(last);
            }
            last.lines()
                    .add(new Line(
                            row.detail(),
                            row.values().stream()
                                    .map(value -> value == null ? "—" : french.format(value))
                                    .toList()));
        }
        return sections;
    }

    /** docs/report.md as HTML, its headings with the ids GitHub gives them; raw HTML in it is escaped. */
    private String definitionsHtml() {
        String html = definitions;
        if (html == null) {
            try {
                String markdown = new ClassPathResource("docs/report.md").getContentAsString(StandardCharsets.UTF_8);
                List<org.commonmark.Extension> extensions =
                        List.of(TablesExtension.create(), HeadingAnchorExtension.create());
                html = HtmlRenderer.builder()
                        .extensions(extensions)
                        .escapeHtml(true)
                        .build()
                        .render(Parser.builder().extensions(extensions).build().parse(markdown));
            } catch (IOException e) {
                throw new UncheckedIOException("docs/report.md is packaged with the app", e);
            }
            definitions = html;
        }
        return html;
    }
}
