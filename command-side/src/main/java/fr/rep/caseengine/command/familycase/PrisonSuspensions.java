package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.prison.SuspensionReason;
import java.time.Instant;
import java.util.Optional;

/**
 * The prison-wide suspensions of visits as the command side knows them (another aggregate records them): a case asks
 * before it schedules or records a visit in prison. Given to the case's command handlers as a resource, so the check
 * holds for every way a visit comes in (API, pages, imports).
 */
public interface PrisonSuspensions {

    /**
     * @return the suspension in force at {@code prison} at the instant {@code at}, if any: from its start (inclusive)
     * to its end or its lifting, whichever comes first (exclusive)
     */
    Optional<Suspension> covering(Prison prison, Instant at);

    /**
     * A suspension as a refusal names it.
     *
     * @param from  its first instant
     * @param until its end as announced (exclusive), or its lifting if that came first
     */
    record Suspension(Prison prison, Instant from, Instant until, SuspensionReason reason) {}
}
