package fr.rep.caseengine.query.report;

import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.input.PlausibleDate;
import fr.rep.caseengine.events.staff.Caller;
import fr.rep.caseengine.events.staff.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The annual activity report for a calendar year, for one team or the whole service, as JSON, CSV or PDF, and the
 * year-over-year comparison. Service managers and auditors see any team and the whole service; a team manager sees
 * their own team's report only. Counts only, no personal data.
 */
@RestController
@RequestMapping("/api/reports/activity")
@Tag(name = "Activity report")
class ActivityReportController {

    static final String SERVICE_LABEL = "Ensemble du service";
    static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
    private static final int COMPARED_YEARS = 4;
    private static final int MOST_YEARS = 10;

    private final ActivityReports reports;

    ActivityReportController(ActivityReports reports) {
        this.reports = reports;
    }

    /** One team's figures in a whole-service report. */
    record TeamFigures(Team team, String label, Figures figures) {}

    /**
     * @param team       the team reported on, or null for the whole service
     * @param byTeam     for the whole service, each team's column (the service's figures are their sum, distinct
     *                   people apart); else empty
     * @param charts     the published report's charts of the scope's figures, each with its caption
     * @param comparison the four years up to this one, a year without activity as zeros; null in a report that is
     *                   itself one year of a comparison
     */
    record ActivityReport(
            int year,
            LocalDate referenceDate,
            Team team,
            String scope,
            Figures figures,
            List<TeamFigures> byTeam,
            List<ReportCharts.Chart> charts,
            ReportCharts.Comparison comparison) {}

    record Comparison(int from, int to, Team team, String scope, List<ActivityReport> years) {}

    @GetMapping(path = "/{year:\\d+}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The activity report of a calendar year, for a team or the whole service")
    ActivityReport report(
            @PathVariable @Min(2000) @Max(2100) int year,
            @RequestParam(required = false) Team team,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @PlausibleDate
                    LocalDate referenceDate,
            Caller caller) {
        return compute(year, scope(caller, team), referenceDate, true);
    }

    @GetMapping("/{year:\\d+}.csv")
    @Operation(summary = "The activity report as CSV (French labels, semicolons); the same events give the same bytes")
    ResponseEntity<byte[]> csv(
            @PathVariable @Min(2000) @Max(2100) int year,
            @RequestParam(required = false) Team team,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @PlausibleDate
                    LocalDate referenceDate,
            Caller caller) {
        ActivityReport report = compute(year, scope(caller, team), referenceDate, false);
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(report, "csv"))
                .body(ReportCsv.write(columnLabels(report), rows(report)));
    }

    @GetMapping("/{year:\\d+}.pdf")
    @Operation(
            summary = "The activity report as a PDF in French: the table on one A4 page, the charts, then the "
                    + "comparison of the four years up to this one")
    ResponseEntity<byte[]> pdf(
            @PathVariable @Min(2000) @Max(2100) int year,
            @RequestParam(required = false) Team team,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @PlausibleDate
                    LocalDate referenceDate,
            Caller caller) {
        ActivityReport report = compute(year, scope(caller, team), referenceDate, true);
        byte[] pdf = ReportPdf.write(report, columnLabels(report), rows(report));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(report, "pdf"))
                .body(pdf);
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The reports of consecutive years side by side (at most 10), ages at each 31 December")
    Comparison comparison(
            @RequestParam @Min(2000) @Max(2100) int from,
            @RequestParam @Min(2000) @Max(2100) int to,
            @RequestParam(required = false) Team team,
            Caller caller) {
        if (to < from || to - from >= MOST_YEARS) {
            throw new InvalidReportRequest("to", "must be between from and from + " + (MOST_YEARS - 1));
        }
        Team scope = scope(caller, team);
        List<ActivityReport> years = new ArrayList<>();
        for (int year = from; year <= to; year++) {
            years.add(compute(year, scope, null, false));
        }
        return new Comparison(from, to, scope, label(scope), years);
    }

    /** @param withComparison whether to add the four years up to this one (not for a year of a comparison) */
    private ActivityReport compute(int year, Team team, LocalDate referenceDate, boolean withComparison) {
        LocalDate reference = referenceDate == null ? LocalDate.of(year, 12, 31) : referenceDate;
        ActivityReports.Columns columns = reports.compute(year, reference);
        Figures figures = team == null ? columns.service() : columns.byTeam().get(team);
        List<TeamFigures> byTeam = new ArrayList<>();
        if (team == null) {
            columns.byTeam().forEach((each, column) -> byTeam.add(new TeamFigures(each, each.label(), column)));
        }
        ReportCharts.Comparison comparison = null;
        if (withComparison) {
            List<Integer> years = new ArrayList<>();
            List<Figures> compared = new ArrayList<>();
            for (int previous = year - COMPARED_YEARS + 1; previous < year; previous++) {
                years.add(previous);
                compared.add(compute(previous, team, null, false).figures());
            }
            years.add(year);
            compared.add(figures);
            comparison = ReportCharts.comparison(years, compared);
        }
        return new ActivityReport(
                year,
                reference,
                team,
                label(team),
                figures,
                byTeam,
                ReportCharts.of(year, figures, reference, ActivityReports.ownDepartments(team)),
                comparison);
    }

    /** The table's rows, the départements grouped as the report's scope does. */
    static List<ReportTable.Row> rows(ActivityReport report) {
        return ReportTable.rows(columns(report), report.referenceDate(), ActivityReports.ownDepartments(report.team()));
    }

    /** The team the caller may see the report of: the asked team, or null for the whole service. */
    private static Team scope(Caller caller, Team asked) {
        if (caller.has(Role.SERVICE_MANAGER) || caller.has(Role.AUDITOR)) {
            return asked;
        }
        if (caller.has(Role.TEAM_MANAGER) && caller.team() != null && (asked == null || asked == caller.team())) {
            return caller.team();
        }
        throw new ReportOutOfScope(
                asked == null
                        ? "Your roles give access to no team's report"
                        : "Your roles do not give access to the report of team " + asked);
    }

    private static String label(Team team) {
        return team == null ? SERVICE_LABEL : team.label();
    }

    static List<String> columnLabels(ActivityReport report) {
        List<String> labels = new ArrayList<>();
        report.byTeam().forEach(team -> labels.add(team.label()));
        labels.add(report.scope());
        return labels;
    }

    static List<Figures> columns(ActivityReport report) {
        List<Figures> columns = new ArrayList<>();
        report.byTeam().forEach(team -> columns.add(team.figures()));
        columns.add(report.figures());
        return columns;
    }

    private static String attachment(ActivityReport report, String extension) {
        String scope = report.team() == null
                ? "service"
                : report.team().name().toLowerCase().replace('_', '-');
        return ContentDisposition.attachment()
                .filename("bilan-activite-" + report.year() + "-" + scope + "." + extension)
                .build()
                .toString();
    }
}
