package fr.rep.caseengine.command.personaldata;

import fr.rep.caseengine.events.SubjectId;

/**
 * Destroys a person's key in the personal-data store, after which their details can never be decrypted again, from
 * the database or from any backup of it. A call made inside a transaction joins it: the key goes only if the erasure
 * event that asked for it is stored.
 */
public interface PersonalDataEraser {

    /** Returns whether there was a key to destroy (false when the person was erased before or never recorded). */
    boolean erase(SubjectId subject);
}
