package fr.rep.caseengine.benchmark;

import fr.rep.caseengine.command.familycase.ReceiveRequest;
import fr.rep.caseengine.events.SubjectId;
import java.time.Instant;
import java.util.Set;

/**
 * A generated case still open at the end of the dataset, as a caseworker would pick it up again: its request, the
 * parties whose consent is current, and the date of its last fact.
 */
public record OpenCase(ReceiveRequest request, Set<SubjectId> consenting, Instant lastOccurredAt, String caseworker) {}
