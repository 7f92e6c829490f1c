package fr.rep.caseengine.command.admission;

/**
 * Lets a command in once the system can take it, possibly after a wait. Asked before the command's transaction
 * opens, so that a wait holds no database connection.
 */
public interface CommandAdmission {

    /** Lets every command in at once. */
    CommandAdmission NONE = () -> {};

    /** Returns when the command may go on; never refuses it. */
    void awaitAdmission();
}
