/**
 * When a command may go in: a port the deployable fills (for example, waiting while the views are too far behind),
 * asked before a command request opens its database transaction.
 */
package fr.rep.caseengine.command.admission;
