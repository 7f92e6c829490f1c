/** The types of the problems (RFC 9457) both sides' HTTP APIs answer with, named in one scheme. */
package fr.rep.caseengine.events.problem;
