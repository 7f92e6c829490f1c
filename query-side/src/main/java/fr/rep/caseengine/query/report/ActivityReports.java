package fr.rep.caseengine.query.report;

import fr.rep.caseengine.events.familycase.HousingType;
import fr.rep.caseengine.events.familycase.InterviewKind;
import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.familycase.ReferrerType;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.query.report.Figures.DepartmentCount;
import fr.rep.caseengine.query.report.Figures.Kilometres;
import fr.rep.caseengine.query.report.Figures.PrisonCount;
import fr.rep.caseengine.query.report.Figures.Sessions;
import fr.rep.caseengine.query.report.Figures.Share;
import fr.rep.caseengine.query.report.Figures.Visits;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Computes the report's figures for a calendar year from the tallies of the activity-report projection, per team;
 * the whole service's column is the sum of the teams' (every case and every collective action belongs to exactly one
 * team). Only age bands are computed here, from the children's birth dates and the asked reference date.
 */
@Component
class ActivityReports {

    static final String LESS_THAN_6_MONTHS = "LESS_THAN_6_MONTHS";
    static final String SIX_TO_12_MONTHS = "6_TO_12_MONTHS";
    static final String ONE_TO_2_YEARS = "1_TO_2_YEARS";
    static final String TWO_YEARS_OR_MORE = "2_YEARS_OR_MORE";
    static final List<String> FOLLOW_UP_BUCKETS =
            List.of(LESS_THAN_6_MONTHS, SIX_TO_12_MONTHS, ONE_TO_2_YEARS, TWO_YEARS_OR_MORE);
    static final List<String> AGE_BANDS = List.of("0-6", "6-12", "12-16", "16+");
    static final List<String> COLLECTIVE_KINDS =
            List.of("SNACK", ActivityReportProjection.TALKING_GROUP, "CRAFT_WORKSHOP");

    private final JdbcTemplate jdbc;

    ActivityReports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The teams' columns in the teams' order, and the whole service's. */
    record Columns(Map<Team, Figures> byTeam, Figures service) {}

    /** The follow-up bucket of a support period from {@code since} to {@code until} (docs/report.md). */
    static String bucket(LocalDate since, LocalDate until) {
        if (until.isBefore(since.plusMonths(6))) {
            return LESS_THAN_6_MONTHS;
        }
        if (until.isBefore(since.plusYears(1))) {
            return SIX_TO_12_MONTHS;
        }
        return until.isBefore(since.plusYears(2)) ? ONE_TO_2_YEARS : TWO_YEARS_OR_MORE;
    }

    /**
     * Reads the year's tallies. A year after the projection's horizon (no event dated in it yet) has no tally: its
     * families are then the open support periods, counted from the periods themselves.
     */
    Columns compute(int year, LocalDate referenceDate) {
        Map<Team, Tally> tallies = new EnumMap<>(Team.class);
        for (Team team : Team.values()) {
            tallies.put(team, new Tally());
        }
        int horizon = jdbc.queryForList("SELECT year FROM report_horizon WHERE id = 1", Integer.class).stream()
                .findFirst()
                .orElse(0);
        String families = year <= horizon
                ? "SELECT team, referrer_type, measure, prison, bucket, families FROM family_tally WHERE year = ?"
                : "SELECT c.team, c.referrer_type, c.measure, c.prison, f.bucket, 1 AS families FROM ("
                        + ActivityReportProjection.OPEN_FAMILIES + ") f JOIN report_case c ON c.case_id = f.case_id";
        // One row per team and referrer, measure, prison or bucket: GROUPING tells which (bit set = not grouped).
        jdbc.query(
                """
                SELECT team, referrer_type, measure, prison, bucket, sum(families) AS families,
                       GROUPING(referrer_type, measure, prison, bucket) AS grouping
                FROM (%s) s
                GROUP BY GROUPING SETS ((team, referrer_type), (team, measure), (team, prison), (team, bucket))
                HAVING sum(families) <> 0""".formatted(families),
                rs -> {
                    Tally tally = tallies.get(Team.valueOf(rs.getString("team")));
                    int count = rs.getInt("families");
                    switch (rs.getInt("grouping")) {
                        case 0b0111 -> {
                            tally.families += count;
                            tally.origins.merge(rs.getString("referrer_type"), count, Integer::sum);
                        }
                        case 0b1011 -> tally.withMeasure += rs.getBoolean("measure") ? count : 0;
                        case 0b1101 -> tally.prisons.merge(Prison.valueOf(rs.getString("prison")), count, Integer::sum);
                        default -> tally.followUp.merge(rs.getString("bucket"), count, Integer::sum);
                    }
                },
                year <= horizon ? new Object[] {year} : new Object[] {year, year});

        String openChildren = " FROM (" + ActivityReportProjection.OPEN_FAMILIES + ") f"
                + " JOIN report_case c ON c.case_id = f.case_id"
                + " JOIN report_child ch ON ch.case_id = f.case_id AND ch.added_year <= ?";
        Object[] openArguments = {year, year, year};
        // A child is n or older on the reference date when born on or before the reference date minus n years
        // (born on 29 February: n on 1 March of a common year).
        String bands = "SELECT team, CASE WHEN birth_date > ? THEN '0-6' WHEN birth_date > ? THEN '6-12'"
                + " WHEN birth_date > ? THEN '12-16' ELSE '16+' END AS band, sum(children) AS children FROM ";
        java.sql.Date six = java.sql.Date.valueOf(referenceDate.minusYears(6));
        java.sql.Date twelve = java.sql.Date.valueOf(referenceDate.minusYears(12));
        java.sql.Date sixteen = java.sql.Date.valueOf(referenceDate.minusYears(16));
        boolean yearEnd = referenceDate.equals(LocalDate.of(year, 12, 31));
        jdbc.query(
                year <= horizon && yearEnd
                        ? "SELECT team, band, children FROM child_band_tally WHERE year = ?"
                        : year <= horizon
                                ? bands + "child_age_tally WHERE year = ? GROUP BY 1, 2"
                                : bands + "(SELECT c.team, ch.birth_date, 1 AS children" + openChildren
                                        + ") open GROUP BY 1, 2",
                rs -> {
                    int children = rs.getInt("children");
                    if (children != 0) {
                        Tally tally = tallies.get(Team.valueOf(rs.getString("team")));
                        tally.children += children;
                        tally.ageBands.merge(rs.getString("band"), children, Integer::sum);
                    }
                },
                year <= horizon && yearEnd
                        ? new Object[] {year}
                        : year <= horizon
                                ? new Object[] {six, twelve, sixteen, year}
                                : new Object[] {six, twelve, sixteen, year, year, year});
        String places = year <= horizon
                ? "SELECT team, department, housing, children FROM child_place_tally WHERE year = ?"
                : "SELECT c.team, ch.department, ch.housing, 1 AS children" + openChildren;
        jdbc.query(
                """
                SELECT team, department, housing, sum(children) AS children, GROUPING(department, housing) AS grouping
                FROM (%s) s GROUP BY GROUPING SETS ((team, department), (team, housing))
                HAVING sum(children) <> 0""".formatted(places),
                rs -> {
                    Tally tally = tallies.get(Team.valueOf(rs.getString("team")));
                    int children = rs.getInt("children");
                    if (rs.getInt("grouping") == 0b01) {
                        String department = rs.getString("department");
                        tally.departments.merge(
                                department.isEmpty() ? UNKNOWN_KEY : department, children, Integer::sum);
                    } else {
                        tally.housing.merge(rs.getString("housing"), children, Integer::sum);
                    }
                },
                year <= horizon ? new Object[] {year} : openArguments);

        jdbc.query(
                """
                SELECT team, kind, detail, by_volunteer, with_children, prison, facts, kilometres, participants
                FROM fact_tally WHERE year = ? AND facts <> 0""",
                rs -> {
                    Tally tally = tallies.get(Team.valueOf(rs.getString("team")));
                    int facts = rs.getInt("facts");
                    long kilometres = rs.getLong("kilometres");
                    if (rs.getBoolean("by_volunteer")) {
                        tally.kilometresByVolunteers += kilometres;
                    } else {
                        tally.kilometresByProfessionals += kilometres;
                    }
                    String detail = rs.getString("detail");
                    switch (ActivityReportProjection.FactKind.valueOf(rs.getString("kind"))) {
                        case INTERVIEW -> {
                            tally.interviews.merge(detail, facts, Integer::sum);
                            tally.interviewsWithChildren += rs.getBoolean("with_children") ? facts : 0;
                        }
                        case HOME_VISIT -> tally.homeVisits += facts;
                        case VISIT -> tally.visits.merge(detail, facts, Integer::sum);
                        case NURSERY -> tally.nursery += facts;
                        case COLLECTIVE -> {
                            tally.sessions.merge(detail, facts, Integer::sum);
                            tally.participations.merge(detail, rs.getInt("participants"), Integer::sum);
                            tally.prisons.merge(Prison.valueOf(rs.getString("prison")), 0, Integer::sum);
                        }
                        case CONTACT_STEP, REVIEW -> {
                            // Counted for their kilometres only.
                        }
                    }
                },
                year);

        Tally service = new Tally();
        tallies.values().forEach(service::add);
        // Distinct people: a parent in two families or at several sessions counts once in a column; the whole
        // service's count is its own (ROLLUP's row without a team), not the teams' sum.
        String familiesOfTheYear = year <= horizon
                ? "SELECT case_id FROM family_year WHERE year = ?"
                : "SELECT case_id FROM (" + ActivityReportProjection.OPEN_FAMILIES + ") open";
        jdbc.query(
                """
                SELECT c.team, count(DISTINCT p.subject_id) AS parents FROM (%s) f
                JOIN report_case c ON c.case_id = f.case_id JOIN report_parent p ON p.case_id = f.case_id
                GROUP BY ROLLUP (c.team)""".formatted(familiesOfTheYear),
                rs -> {
                    String team = rs.getString("team");
                    (team == null ? service : tallies.get(Team.valueOf(team))).detainedParents = rs.getInt("parents");
                },
                year <= horizon ? new Object[] {year} : new Object[] {year, year});
        jdbc.query(
                """
                SELECT team, kind, count(DISTINCT parent_id) AS parents,
                       count(DISTINCT parent_id) FILTER (WHERE case_id IS NULL OR NOT EXISTS (
                           SELECT 1 FROM family_year f WHERE f.case_id = r.case_id AND f.year = r.year)) AS not_followed,
                       GROUPING(team, kind) AS grouping
                FROM report_participation r WHERE year = ?
                GROUP BY GROUPING SETS ((team, kind), (team), (kind), ())""",
                rs -> {
                    int grouping = rs.getInt("grouping");
                    Tally tally = (grouping & 0b10) != 0 ? service : tallies.get(Team.valueOf(rs.getString("team")));
                    if ((grouping & 0b01) == 0) {
                        tally.parentsByKind.put(rs.getString("kind"), rs.getInt("parents"));
                    } else {
                        tally.collectiveParents = rs.getInt("parents");
                        tally.notFollowed = rs.getInt("not_followed");
                    }
                },
                year);

        Map<Team, Figures> byTeam = new EnumMap<>(Team.class);
        tallies.forEach((team, tally) -> byTeam.put(team, tally.figures(ownDepartments(team))));
        return new Columns(byTeam, service.figures(ownDepartments(null)));
    }

    /**
     * The départements a column lists on their own in the published grouping: the team's territory (the whole
     * service: both teams'), in the published order; every other known département is « Autre DPT ».
     */
    static List<String> ownDepartments(Team team) {
        if (team == null) {
            return List.of("80", "02", "60", "62");
        }
        return switch (team) {
            case SOMME_AISNE_OISE -> List.of("80", "02", "60");
            case PAS_DE_CALAIS -> List.of("62");
        };
    }

    static final String UNKNOWN_GROUP = "unknown";
    static final String OTHER_GROUP = "other";

    /** Children by département grouped as published: the own départements by code, unknown, then all others. */
    static Map<String, Integer> grouped(List<DepartmentCount> byDepartment, List<String> own) {
        Map<String, Integer> groups = new LinkedHashMap<>();
        own.forEach(code -> groups.put(code, 0));
        groups.put(UNKNOWN_GROUP, 0);
        groups.put(OTHER_GROUP, 0);
        for (DepartmentCount count : byDepartment) {
            String group =
                    count.code() == null ? UNKNOWN_GROUP : own.contains(count.code()) ? count.code() : OTHER_GROUP;
            groups.merge(group, count.children(), Integer::sum);
        }
        return groups;
    }

    /** Sorts by code with unknown (null) last: a null code is kept as a key that sorts after every code. */
    private static String department(String code) {
        return code == null ? UNKNOWN_KEY : code;
    }

    private static final String UNKNOWN_KEY = "~";

    /** What the queries add up for one column. */
    private static final class Tally {
        int families;
        int withMeasure;
        int children;
        int homeVisits;
        int nursery;
        int interviewsWithChildren;
        int detainedParents;
        int collectiveParents;
        int notFollowed;
        final Map<String, Integer> parentsByKind = new TreeMap<>();
        long kilometresByProfessionals;
        long kilometresByVolunteers;
        final Map<String, Integer> origins = new TreeMap<>();
        final Map<Prison, Integer> prisons = new EnumMap<>(Prison.class);
        final Map<String, Integer> followUp = new TreeMap<>();
        final Map<String, Integer> departments = new TreeMap<>();
        final Map<String, Integer> housing = new TreeMap<>();
        final Map<String, Integer> ageBands = new TreeMap<>();
        final Map<String, Integer> interviews = new TreeMap<>();
        final Map<String, Integer> visits = new TreeMap<>();
        final Map<String, Integer> sessions = new TreeMap<>();
        final Map<String, Integer> participations = new TreeMap<>();

        void add(Tally other) {
            families += other.families;
            withMeasure += other.withMeasure;
            children += other.children;
            homeVisits += other.homeVisits;
            nursery += other.nursery;
            interviewsWithChildren += other.interviewsWithChildren;
            kilometresByProfessionals += other.kilometresByProfessionals;
            kilometresByVolunteers += other.kilometresByVolunteers;
            merge(origins, other.origins);
            merge(followUp, other.followUp);
            merge(departments, other.departments);
            merge(housing, other.housing);
            merge(ageBands, other.ageBands);
            merge(interviews, other.interviews);
            merge(visits, other.visits);
            merge(sessions, other.sessions);
            merge(participations, other.participations);
            other.prisons.forEach((prison, count) -> prisons.merge(prison, count, Integer::sum));
        }

        Figures figures(List<String> own) {
            int inPrison = visits.getOrDefault("PRISON_VISITING_ROOM", 0);
            int outside = visits.getOrDefault("OUTSIDE", 0);
            List<DepartmentCount> byDepartment = new ArrayList<>();
            departments.forEach((code, count) -> {
                String real = UNKNOWN_KEY.equals(code) ? null : code;
                byDepartment.add(new DepartmentCount(real, FrenchLabels.department(real), count));
            });
            byDepartment.sort(
                    Comparator.comparing(DepartmentCount::code, Comparator.nullsLast(Comparator.naturalOrder())));
            List<PrisonCount> intervened = new ArrayList<>();
            prisons.forEach((prison, count) -> intervened.add(new PrisonCount(prison.name(), prison.label(), count)));
            Map<String, Sessions> collective = new LinkedHashMap<>();
            COLLECTIVE_KINDS.forEach(kind -> collective.put(
                    kind, new Sessions(sessions.getOrDefault(kind, 0), participations.getOrDefault(kind, 0))));
            return new Figures(
                    families,
                    children,
                    ordered(ageBands, AGE_BANDS),
                    interviews.values().stream().mapToInt(Integer::intValue).sum(),
                    ordered(interviews, names(InterviewKind.values())),
                    homeVisits,
                    new Kilometres(
                            kilometresByProfessionals,
                            kilometresByVolunteers,
                            kilometresByProfessionals + kilometresByVolunteers),
                    ordered(origins, names(ReferrerType.values())),
                    new Share(withMeasure, percent(withMeasure, families)),
                    byDepartment,
                    new Visits(inPrison, outside, inPrison + outside),
                    nursery,
                    intervened,
                    ordered(housing, names(HousingType.values())),
                    ordered(followUp, FOLLOW_UP_BUCKETS),
                    collective,
                    detainedParents,
                    inPrison,
                    homeVisits + interviewsWithChildren,
                    grouped(byDepartment, own),
                    new Figures.CollectiveParents(
                            collectiveParents, notFollowed, ordered(parentsByKind, COLLECTIVE_KINDS)));
        }

        private static void merge(Map<String, Integer> into, Map<String, Integer> from) {
            from.forEach((key, count) -> into.merge(key, count, Integer::sum));
        }
    }

    /** Percentage rounded half up to a whole number; null when there is nothing to divide by. */
    static Integer percent(int part, int whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(100L * part)
                .divide(BigDecimal.valueOf(whole), 0, RoundingMode.HALF_UP)
                .intValueExact();
    }

    private static Map<String, Integer> ordered(Map<String, Integer> counts, List<String> keys) {
        Map<String, Integer> ordered = new LinkedHashMap<>();
        keys.forEach(key -> ordered.put(key, counts.getOrDefault(key, 0)));
        return ordered;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
