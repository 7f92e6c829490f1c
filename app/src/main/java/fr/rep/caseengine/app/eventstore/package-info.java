/**
 * Axon on PostgreSQL without Axon Server: table names, serialization, duplicate-key detection and event metadata.
 */
package fr.rep.caseengine.app.eventstore;
