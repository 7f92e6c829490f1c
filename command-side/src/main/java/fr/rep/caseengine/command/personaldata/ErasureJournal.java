package fr.rep.caseengine.command.personaldata;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.ErasureReason;
import java.time.Instant;

/**
 * Keeps each erasure somewhere a restored database cannot take back: a database restored from a backup taken before
 * an erasure holds the person's key again, and the journal is how the restored service knows to destroy it anew.
 * Written before the key is destroyed, in the erasure's transaction: an erasure that cannot be journalled fails.
 */
public interface ErasureJournal {

    /** Records that the person's personal data is erased, for good. */
    void record(CaseId caseId, SubjectId subject, ErasureReason reason, Instant erasedAt);
}
