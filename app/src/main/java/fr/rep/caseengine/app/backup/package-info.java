/**
 * Backup and restore of the app's database ({@code java -jar case-engine.jar backup DIR} / {@code restore DIR}):
 * a consistent logical copy of every table, never the master key, and the erasures made since a backup re-applied to
 * what is restored from it (docs/operations.md, "Backup and restore").
 */
package fr.rep.caseengine.app.backup;
