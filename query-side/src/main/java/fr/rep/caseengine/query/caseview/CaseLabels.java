package fr.rep.caseengine.query.caseview;

import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.staff.Caller;
import fr.rep.caseengine.query.access.ViewScope;
import fr.rep.caseengine.query.personaldata.PersonalDataReader;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How pages name cases and people: a case by its detained parent's name, for the cases the reader may open (a
 * service manager's list stays without names, as in the API). One query and one read of the personal-data store for
 * a whole page of cases, never one per row.
 */
@Component
public class CaseLabels {

    private final JdbcTemplate jdbc;
    private final PersonalDataReader personalData;

    CaseLabels(JdbcTemplate jdbc, PersonalDataReader personalData) {
        this.jdbc = jdbc;
        this.personalData = personalData;
    }

    /** A case's name on a page and the names of the people the page mentions. */
    public record Labels(Map<UUID, String> cases, Map<UUID, String> people) {

        /** The case's name, or {@code null} when the reader may not see it (or its parent was erased). */
        public String caseName(UUID caseId) {
            return cases.get(caseId);
        }

        /** A person's name, or {@code null} when unknown to the reader or erased. */
        public String person(UUID subjectId) {
            return subjectId == null ? null : people.get(subjectId);
        }
    }

    /** The names of these cases (those in the reader's scope) and of these people. */
    public Labels of(Caller caller, Collection<UUID> caseIds, Collection<UUID> people) {
        Map<UUID, UUID> parentOfCase = new LinkedHashMap<>();
        if (!caseIds.isEmpty()) {
            ViewScope scope = ViewScope.forCase(caller);
            jdbc.query(
                    """
                    SELECT p.case_id, p.subject_id FROM case_view_person p JOIN case_view v ON v.case_id = p.case_id
                    WHERE p.case_id = ANY (?) AND p.role = 'DETAINED_PARENT' AND p.erased_at IS NULL AND\s""" + scope.condition(),
                    rs -> {
                        parentOfCase.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
                    },
                    scope.argumentsAfter((Object) caseIds.stream().distinct().toArray(UUID[]::new)));
        }
        List<SubjectId> subjects = new java.util.ArrayList<>();
        parentOfCase.values().forEach(subject -> subjects.add(new SubjectId(subject)));
        people.stream().filter(java.util.Objects::nonNull).forEach(subject -> subjects.add(new SubjectId(subject)));
        Map<SubjectId, String> names = subjects.isEmpty() ? Map.of() : personalData.displayNames(subjects);
        Map<UUID, String> caseNames = new HashMap<>();
        parentOfCase.forEach((caseId, parent) -> {
            String name = names.get(new SubjectId(parent));
            if (name != null) {
                caseNames.put(caseId, name);
            }
        });
        Map<UUID, String> peopleNames = new HashMap<>();
        names.forEach((subject, name) -> peopleNames.put(subject.value(), name));
        return new Labels(caseNames, peopleNames);
    }
}
