/**
 * The query side's port to the personal-data store, to show who people are without their names entering any view table.
 */
package fr.rep.caseengine.query.personaldata;
