/**
 * What a reader may see: the scope of each role, and break-glass access to a case outside it. Recording a
 * break-glass access is the one write of the query side: an access record, not a case event.
 */
package fr.rep.caseengine.query.access;
