package fr.rep.caseengine.events.familycase;

import fr.rep.caseengine.events.SubjectId;

/** An adult party to a case other than the detained parent: a free parent, an ASE referent, a guardian. */
public record PartyOnCase(SubjectId subjectId, PartyRole role) {}
