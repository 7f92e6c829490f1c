package fr.rep.caseengine.command.access;

/** The staff directory, as the command side needs it: whom a case may be assigned to. */
public interface Caseworkers {

    /** Whether this account exists, is enabled and holds the caseworker role. */
    boolean isActiveCaseworker(String account);
}
