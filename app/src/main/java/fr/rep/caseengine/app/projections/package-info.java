/**
 * Operating the projections: which can be rebuilt, starting a rebuild and following its progress.
 */
package fr.rep.caseengine.app.projections;
