/**
 * How the read-model projections commit: their transactions do not wait for the disk, since every row they write can
 * be computed again from the event store.
 */
package fr.rep.caseengine.query.projection;
