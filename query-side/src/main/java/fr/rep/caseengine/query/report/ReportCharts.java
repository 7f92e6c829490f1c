package fr.rep.caseengine.query.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The charts of the published report, as data: each a title, its bars (a French label and a count) and the caption
 * printed under it. The JSON answers them, the PDF draws them and the page draws them from a table of the same
 * bars: one list, three renderings.
 */
final class ReportCharts {

    private ReportCharts() {}

    /** A bar of a chart; {@code key} is the figure's key in {@link Figures} (a code, not words). */
    record Bar(String key, String label, long value) {}

    /** @param id a stable name for the chart (for the page's table and a reader of the JSON) */
    record Chart(String id, String title, String caption, List<Bar> bars) {}

    /**
     * The comparison over the years asked (four up to the report's year), a year without activity as zeros: one row
     * per figure, one value per year, oldest first.
     */
    record Comparison(String title, String caption, List<Integer> years, List<ReportTable.Row> rows) {

        /** The rows drawn as the comparison's chart. */
        List<ReportTable.Row> charted() {
            return rows.stream().filter(row -> COMPARED.contains(row.section())).toList();
        }
    }

    /** The figures charted in the comparison: counts of the same order of size (not the kilometres, not a share). */
    static final List<String> COMPARED = List.of(
            "Familles accompagnées",
            ReportTable.DETAINED_PARENTS,
            "Enfants concernés",
            "Entretiens",
            "Visites accompagnées",
            "Accompagnements EAJE");

    /**
     * The five charts of a column (the report's scope: a team, or the whole service) at a reference date.
     *
     * @param ownDepartments the départements listed on their own (the scope's)
     */
    static List<Chart> of(int year, Figures figures, LocalDate referenceDate, List<String> ownDepartments) {
        String at = referenceDate.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        List<Chart> charts = new ArrayList<>();
        charts.add(new Chart(
                "age-bands",
                "Enfants concernés par tranche d'âge",
                "Âge révolu au " + at + " des " + figures.children() + " enfants des familles accompagnées en " + year
                        + ".",
                bars(figures.childrenByAgeBand(), FrenchLabels::ageBand)));
        charts.add(new Chart(
                "request-origins",
                "Origine de la demande",
                "Les " + figures.familiesSupported() + " familles accompagnées en " + year
                        + ", selon qui a saisi le service.",
                bars(figures.requestOrigins(), FrenchLabels::referrer)));
        charts.add(new Chart(
                "housing",
                "Hébergement des enfants",
                "Les " + figures.children() + " enfants concernés en " + year
                        + ", selon leur hébergement à la demande.",
                bars(figures.childrenByHousing(), FrenchLabels::housing)));
        charts.add(new Chart(
                "follow-up",
                "Durée de suivi des familles accompagnées",
                "Durée de la dernière période d'accompagnement de chaque famille, de l'acceptation de la demande à la"
                        + " fin d'intervention (ou au 31/12/" + year + ").",
                bars(figures.followUpLength(), FrenchLabels::followUp)));
        charts.add(new Chart(
                "departments",
                "Origine géographique des enfants",
                "Les " + figures.children() + " enfants concernés en " + year
                        + " par département de résidence\u202F; «\u00A0Autre DPT\u00A0» regroupe tous les autres départements.",
                bars(
                        ActivityReports.grouped(figures.childrenByDepartment(), ownDepartments),
                        FrenchLabels::departmentGroup)));
        return charts;
    }

    /** The comparison of the years given (their figures in the same order), from the comparison table's rows. */
    static Comparison comparison(List<Integer> years, List<Figures> figures) {
        return new Comparison(
                "Comparatif " + years.get(0) + "–" + years.get(years.size() - 1),
                "Activité des " + years.size() + " dernières années, jusqu'à " + years.get(years.size() - 1)
                        + "\u202F; une année sans activité compte zéro.",
                years,
                ReportTable.comparison(figures));
    }

    private static List<Bar> bars(Map<String, Integer> counts, Function<String, String> label) {
        List<Bar> bars = new ArrayList<>();
        counts.forEach((key, value) -> bars.add(new Bar(key, label.apply(key), value)));
        return bars;
    }
}
