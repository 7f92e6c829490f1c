/**
 * Events about a whole prison, such as visits suspended for sanitary or security measures.
 */
package fr.rep.caseengine.events.prison;
