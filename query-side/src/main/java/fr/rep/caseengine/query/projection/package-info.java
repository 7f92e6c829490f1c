/**
 * How the read-model projections write and commit: few round trips per batch of events (writes sent together before
 * the commit, a case's stage moved in the statement that updates its row), and transactions that do not wait for the
 * disk, since every row they write can be computed again from the event store.
 */
package fr.rep.caseengine.query.projection;
