package fr.rep.caseengine.query.report;

import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.query.report.Figures.PrisonCount;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The report as the rows of a table with French labels, one value per column (a team or the whole service), in a
 * fixed order: what the CSV and the PDF print. A value is null where it cannot be computed (a share of no family).
 */
final class ReportTable {

    record Row(String section, String detail, List<Long> values) {}

    static final String DETAINED_PARENTS = "Parents détenus";
    static final String WITH_CHILDREN = "Visites à domicile ou entretiens avec les enfants";
    static final String VISITING_RIGHTS = "Accompagnements en droit de visite";
    static final String ORIGIN = "Origine de la saisine";
    static final String DEPARTMENTS = "Enfants par département de résidence";
    static final String HOUSING = "Hébergement des enfants";
    static final String FOLLOW_UP = "Durée de suivi des familles";
    /** Every percentage is rounded half up to a whole number, and says so where it is printed. */
    static final String PERCENT = "% (arrondi à l'unité)";

    private ReportTable() {}

    /** The sections the PDF draws as charts instead of rows (the published report does too). */
    static final List<String> CHARTED_SECTIONS = List.of(ORIGIN, HOUSING, FOLLOW_UP);

    /**
     * @param ownDepartments the départements listed on their own, those of the report's scope (a team's territory,
     *                       or both teams' for the whole service): every column is grouped the same way
     */
    static List<Row> rows(List<Figures> columns, LocalDate referenceDate, List<String> ownDepartments) {
        String at = " au " + referenceDate.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        List<Row> rows = new ArrayList<>();
        rows.add(row(columns, "Familles accompagnées", "", figures -> (long) figures.familiesSupported()));
        rows.add(row(columns, DETAINED_PARENTS, "", figures -> (long) figures.detainedParents()));
        rows.add(row(columns, "Enfants concernés", "Total", figures -> (long) figures.children()));
        for (String band : ActivityReports.AGE_BANDS) {
            rows.add(row(columns, "Enfants concernés", FrenchLabels.ageBand(band) + at, figures ->
                    (long) figures.childrenByAgeBand().get(band)));
        }
        rows.add(row(columns, "Entretiens", "Total", figures -> (long) figures.interviews()));
        for (String kind : columns.get(0).interviewsByKind().keySet()) {
            rows.add(row(columns, "Entretiens", FrenchLabels.interview(kind), figures ->
                    (long) figures.interviewsByKind().get(kind)));
        }
        rows.add(row(columns, WITH_CHILDREN, "Total", figures -> (long) figures.homeVisitsOrInterviewsWithChildren()));
        rows.add(row(columns, WITH_CHILDREN, "dont visites à domicile", figures -> (long) figures.homeVisits()));
        rows.add(row(columns, WITH_CHILDREN, "dont entretiens avec les enfants", figures ->
                (long) (figures.homeVisitsOrInterviewsWithChildren() - figures.homeVisits())));
        rows.add(row(
                columns,
                "Kilomètres parcourus",
                "Professionnels",
                figures -> figures.kilometres().professionals()));
        rows.add(row(
                columns,
                "Kilomètres parcourus",
                "Bénévoles",
                figures -> figures.kilometres().volunteers()));
        rows.add(row(
                columns,
                "Kilomètres parcourus",
                "Total",
                figures -> figures.kilometres().total()));
        for (String referrer : columns.get(0).requestOrigins().keySet()) {
            rows.add(row(columns, ORIGIN, FrenchLabels.referrer(referrer), figures ->
                    (long) figures.requestOrigins().get(referrer)));
        }
        rows.add(row(columns, "Familles avec mesure éducative et/ou judiciaire", "Nombre", figures ->
                (long) figures.familiesWithMeasure().families()));
        rows.add(row(
                columns,
                "Familles avec mesure éducative et/ou judiciaire",
                PERCENT,
                figures -> figures.familiesWithMeasure().percent() == null
                        ? null
                        : (long) figures.familiesWithMeasure().percent()));
        for (String group : ActivityReports.grouped(List.of(), ownDepartments).keySet()) {
            rows.add(row(columns, DEPARTMENTS, FrenchLabels.departmentGroup(group), figures ->
                    (long) grouped(figures, ownDepartments).get(group)));
        }
        rows.add(row(columns, "Visites accompagnées", "Au parloir", figures ->
                (long) figures.accompaniedVisits().inPrison()));
        rows.add(row(columns, "Visites accompagnées", "Hors détention", figures ->
                (long) figures.accompaniedVisits().outside()));
        rows.add(row(columns, "Visites accompagnées", "Total", figures ->
                (long) figures.accompaniedVisits().total()));
        rows.add(row(columns, VISITING_RIGHTS, "Au parloir, sous permis de visite", figures ->
                (long) figures.visitingRightsAccompaniments()));
        rows.add(row(columns, "Accompagnements EAJE", "", figures -> (long) figures.nurseryAccompaniments()));
        rows.add(row(columns, "Lieux d'intervention", "Nombre d'établissements", figures ->
                (long) figures.prisons().size()));
        TreeSet<Prison> prisons = new TreeSet<>();
        columns.forEach(figures -> figures.prisons().forEach(count -> prisons.add(Prison.valueOf(count.prison()))));
        for (Prison prison : prisons) {
            rows.add(row(
                    columns,
                    "Lieux d'intervention (familles)",
                    prison.label(),
                    figures -> figures.prisons().stream()
                            .filter(count -> count.prison().equals(prison.name()))
                            .mapToLong(PrisonCount::families)
                            .sum()));
        }
        for (String housing : columns.get(0).childrenByHousing().keySet()) {
            rows.add(row(columns, HOUSING, FrenchLabels.housing(housing), figures ->
                    (long) figures.childrenByHousing().get(housing)));
        }
        for (String bucket : ActivityReports.FOLLOW_UP_BUCKETS) {
            rows.add(row(columns, FOLLOW_UP, FrenchLabels.followUp(bucket), figures ->
                    (long) figures.followUpLength().get(bucket)));
        }
        for (String kind : ActivityReports.COLLECTIVE_KINDS) {
            String label = FrenchLabels.collectiveAction(kind);
            rows.add(row(columns, "Actions collectives", label + " : séances", figures ->
                    (long) figures.collectiveActions().get(kind).sessions()));
            rows.add(row(columns, "Actions collectives", label + " : participations parentales", figures ->
                    (long) figures.collectiveActions().get(kind).participations()));
            rows.add(row(columns, "Actions collectives", label + " : parents distincts", figures ->
                    (long) figures.collectiveParents().byKind().get(kind)));
        }
        rows.add(row(columns, "Actions collectives", "Parents distincts, toutes actions", figures ->
                (long) figures.collectiveParents().parents()));
        rows.add(row(columns, "Actions collectives", "dont parents non suivis en dossier", figures ->
                (long) figures.collectiveParents().notFollowed()));
        return rows;
    }

    /** A column's children by the given grouping (every column of a table the same), from its list. */
    private static Map<String, Integer> grouped(Figures figures, List<String> ownDepartments) {
        return ActivityReports.grouped(figures.childrenByDepartment(), ownDepartments);
    }

    /** The few rows of the year-over-year comparison, one column per year. */
    static List<Row> comparison(List<Figures> years) {
        List<Row> rows = new ArrayList<>();
        rows.add(row(years, "Familles accompagnées", "", figures -> (long) figures.familiesSupported()));
        rows.add(row(years, DETAINED_PARENTS, "", figures -> (long) figures.detainedParents()));
        rows.add(row(years, "Enfants concernés", "", figures -> (long) figures.children()));
        rows.add(row(years, "Entretiens", "", figures -> (long) figures.interviews()));
        rows.add(row(years, WITH_CHILDREN, "", figures -> (long) figures.homeVisitsOrInterviewsWithChildren()));
        rows.add(row(years, "Visites accompagnées", "", figures ->
                (long) figures.accompaniedVisits().total()));
        rows.add(row(years, VISITING_RIGHTS, "", figures -> (long) figures.visitingRightsAccompaniments()));
        rows.add(row(years, "Accompagnements EAJE", "", figures -> (long) figures.nurseryAccompaniments()));
        rows.add(row(
                years,
                "Kilomètres parcourus",
                "",
                figures -> figures.kilometres().total()));
        rows.add(row(
                years,
                "Familles avec mesure (%, arrondi à l'unité)",
                "",
                figures -> figures.familiesWithMeasure().percent() == null
                        ? null
                        : (long) figures.familiesWithMeasure().percent()));
        rows.add(row(
                years,
                "Actions collectives : séances",
                "",
                figures -> figures.collectiveActions().values().stream()
                        .mapToLong(Figures.Sessions::sessions)
                        .sum()));
        return rows;
    }

    private static Row row(List<Figures> columns, String section, String detail, Function<Figures, Long> value) {
        List<Long> values = new ArrayList<>();
        columns.forEach(figures -> values.add(value.apply(figures)));
        return new Row(section, detail, values);
    }
}
