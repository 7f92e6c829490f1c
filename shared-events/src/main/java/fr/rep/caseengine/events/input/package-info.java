/** Input rules that both sides' HTTP APIs apply alike, so that a date is plausible wherever it is typed. */
package fr.rep.caseengine.events.input;
