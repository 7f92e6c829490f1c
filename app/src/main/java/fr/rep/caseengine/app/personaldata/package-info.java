/**
 * The personal-data store: each person's details encrypted under their own key, erasable by destroying that key.
 */
package fr.rep.caseengine.app.personaldata;
