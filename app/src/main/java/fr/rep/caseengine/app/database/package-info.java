/**
 * The default database: an embedded PostgreSQL 17 started by the app, durable, with its data kept on disk.
 */
package fr.rep.caseengine.app.database;
