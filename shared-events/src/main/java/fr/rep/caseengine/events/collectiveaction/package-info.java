/**
 * Events of collective actions (snacks, craft workshops, talking groups) held at a prison by a team, naming each
 * participating detained parent by subject id and case id.
 */
package fr.rep.caseengine.events.collectiveaction;
