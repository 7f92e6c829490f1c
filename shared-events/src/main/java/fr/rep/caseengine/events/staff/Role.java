package fr.rep.caseengine.events.staff;

/** What a staff account may do; an account may hold several roles. See docs/security.md for the full table. */
public enum Role {
    /** Acts on the cases of their team, or on cases assigned to them. */
    CASEWORKER,
    /** Sees their team's cases and dashboards, assigns cases. */
    TEAM_MANAGER,
    /** Sees all dashboards and reports, no personal data beyond what a report shows. */
    SERVICE_MANAGER,
    /** Reads every case and its history, verifies the store, changes nothing. */
    AUDITOR,
    /** Manages accounts and settings, sees no case data. */
    ADMINISTRATOR;

    public static final String AUTHORITY_PREFIX = "ROLE_";

    public String authority() {
        return AUTHORITY_PREFIX + name();
    }
}
