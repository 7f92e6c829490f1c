/**
 * The command side's port to the personal-data store: names and contact details never go into events.
 */
package fr.rep.caseengine.command.personaldata;
