package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.events.CaseId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The retention policy's command: erase every person of the case not erased yet, provided the case is still closed or
 * declined and ended before {@code endedBefore}. A case reopened meanwhile, or already erased, erases nobody. The
 * handler answers with the subjects it erased.
 */
public record ErasePeopleOfCase(@TargetAggregateIdentifier CaseId caseId, Instant endedBefore) {}
