package fr.rep.caseengine.command.personaldata;

import fr.rep.caseengine.events.SubjectId;

/**
 * Stores a person's personal details under their subject id. Implementations encrypt with a key per subject, so that
 * destroying that key erases the person while the events, which carry only the subject id, stay intact.
 * A call made inside a transaction joins it: a refused command leaves no personal data behind.
 */
public interface PersonalDataRecorder {

    void record(SubjectId subject, PersonalDetails details);
}
