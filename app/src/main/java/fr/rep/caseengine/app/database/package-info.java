/**
 * The database: by default an embedded PostgreSQL 17 started by the app, durable, with its data kept on disk; its
 * supervision; and the turns that nodes sharing one database take at start-up.
 */
package fr.rep.caseengine.app.database;
