/**
 * A small demonstration dataset, loaded into an empty store when {@code rep.demo-data.enabled} is true.
 */
package fr.rep.caseengine.app.demo;
