/**
 * As-of replay: a case exactly as it stood at an instant, by recorded or by occurred time, folded from its events read
 * back from the event store (upcasted), not from a read model.
 */
package fr.rep.caseengine.query.asof;
