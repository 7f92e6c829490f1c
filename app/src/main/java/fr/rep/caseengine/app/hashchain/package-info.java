/**
 * Tamper evidence for the event store: each stored event is chained into its case's SHA-256 chain when it is appended
 * (in the appending transaction), then sealed into the store-wide chain shortly after commit by one sealer; a
 * verification walks the store and names the first broken link.
 */
package fr.rep.caseengine.app.hashchain;
