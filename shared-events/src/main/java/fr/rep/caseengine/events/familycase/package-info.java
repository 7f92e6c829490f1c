/**
 * Events of a family case (one case = one family) and the non-identifying facts they carry.
 */
package fr.rep.caseengine.events.familycase;
