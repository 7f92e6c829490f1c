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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes the report's figures for a calendar year from the tables of the activity-report projection, per team in
 * three grouped queries; the whole service's column is the sum of the teams' (every case and every collective action
 * belongs to exactly one team). The year's bounds are midnight on 1 January in the service's time zone.
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
    static final List<String> COLLECTIVE_KINDS = List.of("SNACK", ActivityReportProjection.TALKING_GROUP,
            "CRAFT_WORKSHOP");

    /** The families supported in [start, end): a support period that began before the end and did not end before. */
    private static final String FAMILIES = """
            SELECT case_id, team, referrer_type, measure, prison, max(accepted_at) AS since_at,
                   max(LEAST(COALESCE((closed_at AT TIME ZONE ?)::date, ?), ?)) AS until_on
            FROM support_period
            WHERE accepted_at < ? AND (closed_at IS NULL OR closed_at >= ?)
            GROUP BY case_id, team, referrer_type, measure, prison""";

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    ActivityReports(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.zone = clock.getZone();
    }

    /** The teams' columns in the teams' order, and the whole service's. */
    record Columns(Map<Team, Figures> byTeam, Figures service) {
    }

    Columns compute(int year, LocalDate referenceDate) {
        Timestamp start = Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant());
        Timestamp end = Timestamp.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant());
        Date lastDay = Date.valueOf(LocalDate.of(year, 12, 31));
        Map<Team, Tally> tallies = new EnumMap<>(Team.class);
        for (Team team : Team.values()) {
            tallies.put(team, new Tally());
        }
        jdbc.query("WITH families AS (" + FAMILIES + """
                ) SELECT team, referrer_type, measure, prison,
                    CASE WHEN until_on < (since_at AT TIME ZONE ?)::date + interval '6 months' THEN 'LESS_THAN_6_MONTHS'
                         WHEN until_on < (since_at AT TIME ZONE ?)::date + interval '1 year' THEN '6_TO_12_MONTHS'
                         WHEN until_on < (since_at AT TIME ZONE ?)::date + interval '2 years' THEN '1_TO_2_YEARS'
                         ELSE '2_YEARS_OR_MORE' END AS follow_up,
                    count(*) AS families
                FROM families GROUP BY 1, 2, 3, 4, 5""", rs -> {
            Tally tally = tallies.get(Team.valueOf(rs.getString("team")));
            int families = rs.getInt("families");
            tally.families += families;
            tally.origins.merge(rs.getString("referrer_type"), families, Integer::sum);
            if (rs.getBoolean("measure")) {
                tally.withMeasure += families;
            }
            tally.prisons.merge(Prison.valueOf(rs.getString("prison")), families, Integer::sum);
            tally.followUp.merge(rs.getString("follow_up"), families, Integer::sum);
        }, zone.getId(), lastDay, lastDay, end, start, zone.getId(), zone.getId(), zone.getId());

        Date reference = Date.valueOf(referenceDate);
        jdbc.query("WITH families AS (" + FAMILIES + """
                ) SELECT f.team, c.department, c.housing,
                    CASE WHEN ? < c.birth_date + interval '6 years' THEN '0-6'
                         WHEN ? < c.birth_date + interval '12 years' THEN '6-12'
                         WHEN ? < c.birth_date + interval '16 years' THEN '12-16'
                         ELSE '16+' END AS band,
                    count(*) AS children
                FROM families f JOIN report_child c ON c.case_id = f.case_id AND c.added_at < ?
                GROUP BY 1, 2, 3, 4""", rs -> {
            Tally tally = tallies.get(Team.valueOf(rs.getString("team")));
            int children = rs.getInt("children");
            tally.children += children;
            tally.departments.merge(department(rs.getString("department")), children, Integer::sum);
            tally.housing.merge(rs.getString("housing"), children, Integer::sum);
            tally.ageBands.merge(rs.getString("band"), children, Integer::sum);
        }, zone.getId(), lastDay, lastDay, end, start, reference, reference, reference, end);

        jdbc.query("""
                SELECT team, kind, detail, by_volunteer, prison, count(*) AS facts,
                       sum(kilometres) AS kilometres, sum(participants) AS participants
                FROM report_fact WHERE occurred_at >= ? AND occurred_at < ? AND NOT voided
                GROUP BY 1, 2, 3, 4, 5""", rs -> {
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
                case INTERVIEW -> tally.interviews.merge(detail, facts, Integer::sum);
                case HOME_VISIT -> tally.homeVisits += facts;
                case VISIT -> tally.visits.merge(detail, facts, Integer::sum);
                case NURSERY -> tally.nursery += facts;
                case COLLECTIVE -> {
                    tally.sessions.merge(detail, facts, Integer::sum);
                    tally.participations.merge(detail, rs.getInt("participants"), Integer::sum);
                    tally.prisons.merge(Prison.valueOf(rs.getString("prison")), 0, Integer::sum);
                }
            }
        }, start, end);

        Map<Team, Figures> byTeam = new EnumMap<>(Team.class);
        Tally service = new Tally();
        tallies.forEach((team, tally) -> {
            byTeam.put(team, tally.figures());
            service.add(tally);
        });
        return new Columns(byTeam, service.figures());
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

        Figures figures() {
            int inPrison = visits.getOrDefault("PRISON_VISITING_ROOM", 0);
            int outside = visits.getOrDefault("OUTSIDE", 0);
            List<DepartmentCount> byDepartment = new ArrayList<>();
            departments.forEach((code, count) -> {
                String real = UNKNOWN_KEY.equals(code) ? null : code;
                byDepartment.add(new DepartmentCount(real, FrenchLabels.department(real), count));
            });
            byDepartment.sort(Comparator.comparing(DepartmentCount::code,
                    Comparator.nullsLast(Comparator.naturalOrder())));
            List<PrisonCount> intervened = new ArrayList<>();
            prisons.forEach((prison, count) -> intervened.add(new PrisonCount(prison.name(), prison.label(), count)));
            Map<String, Sessions> collective = new LinkedHashMap<>();
            COLLECTIVE_KINDS.forEach(kind -> collective.put(kind,
                    new Sessions(sessions.getOrDefault(kind, 0), participations.getOrDefault(kind, 0))));
            return new Figures(families, children, ordered(ageBands, AGE_BANDS),
                    interviews.values().stream().mapToInt(Integer::intValue).sum(),
                    ordered(interviews, names(InterviewKind.values())), homeVisits,
                    new Kilometres(kilometresByProfessionals, kilometresByVolunteers,
                            kilometresByProfessionals + kilometresByVolunteers),
                    ordered(origins, names(ReferrerType.values())), new Share(withMeasure, percent(withMeasure,
                            families)), byDepartment, new Visits(inPrison, outside, inPrison + outside), nursery,
                    intervened, ordered(housing, names(HousingType.values())),
                    ordered(followUp, FOLLOW_UP_BUCKETS), collective);
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
        return BigDecimal.valueOf(100L * part).divide(BigDecimal.valueOf(whole), 0, RoundingMode.HALF_UP)
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
