/**
 * The annual activity report (bilan d'activité): per-fact rows kept by the "activity-report" projection and the
 * report computed from them for a calendar year, as JSON, CSV and a PDF page; see docs/report.md.
 */
package fr.rep.caseengine.query.report;
