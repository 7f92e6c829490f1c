package fr.rep.caseengine.command.access;

/** The staff directory, as the command side needs it: whom a case may be assigned to, who accompanies as staff. */
public interface Caseworkers {

    /** Whether this account exists, is enabled and holds the caseworker role. */
    boolean isActiveCaseworker(String account);

    /** Whether a staff account of this name exists, enabled or not (a permit outlives its holder's account). */
    boolean isAccount(String account);
}
