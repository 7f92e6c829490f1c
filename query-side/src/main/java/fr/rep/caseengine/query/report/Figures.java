package fr.rep.caseengine.query.report;

import java.util.List;
import java.util.Map;

/**
 * The figures of one column of the report (a team, or the whole service) for a year. Every map lists all its keys in
 * a fixed order, zeros included, so that two reports always have the same shape; docs/report.md defines each figure.
 *
 * @param familiesSupported     families with a support period overlapping the year
 * @param children              children of those families on the case by the end of the year
 * @param childrenByAgeBand     those children by age at the reference date: 0-6, 6-12, 12-16, 16+
 * @param interviews            interviews held in the year, not corrected
 * @param interviewsByKind      by kind: FIRST, INTERMEDIATE, CLOSING
 * @param homeVisits            home visits made in the year, not corrected
 * @param kilometres            kilometres of home visits, mediated visits and nursery accompaniments
 * @param requestOrigins        families supported by who asked for the intervention
 * @param familiesWithMeasure   families supported with an educational or judicial measure, and their share
 * @param childrenByDepartment  children by département of residence, by code, unknown last
 * @param accompaniedVisits     mediated visits held in the year, not corrected, by place
 * @param nurseryAccompaniments day-nursery (EAJE) accompaniments in the year, not corrected
 * @param prisons               prisons where the service intervened, with the families supported whose request
 *                              names them
 * @param childrenByHousing     children by housing type
 * @param followUpLength        families supported by length of the support period at the end of the year
 * @param collectiveActions     sessions and parent participations by kind: SNACK, TALKING_GROUP, CRAFT_WORKSHOP
 * @param detainedParents       distinct detained parents of the families supported (a family may have two, a parent
 *                              two families)
 * @param visitingRightsAccompaniments accompaniments in visiting rights: mediated visits in the prison's visiting
 *                              room, under the accompanier's visiting permit
 * @param homeVisitsOrInterviewsWithChildren home visits, and interviews held face to face with the children present
 * @param childrenByDepartmentGroup children by département as the published report groups them: the column's own
 *                              départements by code, then "unknown", then "other" (« Autre DPT »)
 * @param collectiveParents     distinct parents met in collective actions, by kind, and those not followed as a
 *                              family case that year
 */
public record Figures(
        int familiesSupported,
        int children,
        Map<String, Integer> childrenByAgeBand,
        int interviews,
        Map<String, Integer> interviewsByKind,
        int homeVisits,
        Kilometres kilometres,
        Map<String, Integer> requestOrigins,
        Share familiesWithMeasure,
        List<DepartmentCount> childrenByDepartment,
        Visits accompaniedVisits,
        int nurseryAccompaniments,
        List<PrisonCount> prisons,
        Map<String, Integer> childrenByHousing,
        Map<String, Integer> followUpLength,
        Map<String, Sessions> collectiveActions,
        int detainedParents,
        int visitingRightsAccompaniments,
        int homeVisitsOrInterviewsWithChildren,
        Map<String, Integer> childrenByDepartmentGroup,
        CollectiveParents collectiveParents) {

    public record Kilometres(long professionals, long volunteers, long total) {}

    /** A count among the families supported and its percentage, rounded half up; null percent without families. */
    public record Share(int families, Integer percent) {}

    /** A département by code (null when unknown) and French name. */
    public record DepartmentCount(String code, String name, int children) {}

    public record Visits(int inPrison, int outside, int total) {}

    public record PrisonCount(String prison, String name, int families) {}

    public record Sessions(int sessions, int participations) {}

    /**
     * Parents met in collective actions, each counted once however many sessions they attended.
     *
     * @param parents     distinct parents, all kinds together
     * @param notFollowed those among them listed without a case, or whose family was not supported that year
     * @param byKind      distinct parents of each kind: SNACK, TALKING_GROUP, CRAFT_WORKSHOP
     */
    public record CollectiveParents(int parents, int notFollowed, Map<String, Integer> byKind) {}
}
