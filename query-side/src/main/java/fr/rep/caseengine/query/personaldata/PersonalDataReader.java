package fr.rep.caseengine.query.personaldata;

import fr.rep.caseengine.events.SubjectId;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Reads people's names from the personal-data store at the moment a view is served, so that erasing a person
 * (destroying their key) removes them from every view at once.
 */
public interface PersonalDataReader {

    /** The display names of those subjects whose data still exists; erased or unknown subjects are absent. */
    Map<SubjectId, String> displayNames(Collection<SubjectId> subjects);

    /**
     * The people whose last name is this one, accents, case, spaces and hyphens aside (« lefevre » finds
     * « Lefèvre »); erased people are never found. The store keeps no name in clear to search: only a keyed hash.
     */
    Set<SubjectId> withLastName(String lastName);
}
