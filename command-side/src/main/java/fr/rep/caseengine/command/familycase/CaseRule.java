package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.command.rule.Rule;

/**
 * The rules a family case enforces, each stated as a caseworker would say it.
 * The code is stable: clients (and the future French interface) may translate by it.
 */
public enum CaseRule implements Rule {
    CONSENTS_REQUIRED_FOR_VISIT(
            "consents-required-for-visit",
            "A visit needs the current consent of the detained parent and of the holder of parental authority "
                    + "(or ASE) of every child present"),
    NO_VISIT_WITH_ADULT_CHILD("no-visit-with-adult-child", "No visit with a child aged 18 or more on the visit date"),
    CLOSED_CASE_ACCEPTS_NOTHING("closed-case-accepts-nothing", "A closed case accepts nothing but reopening"),
    DECLINED_CASE_ACCEPTS_NOTHING("declined-case-accepts-nothing", "A declined request accepts nothing but reopening"),
    NO_VISIT_UNDER_NO_CONTACT_ORDER(
            "no-visit-under-no-contact-order", "No visit with a child covered by a no-contact order"),
    NO_VISIT_WITHOUT_VISITING_RIGHTS(
            "no-visit-without-visiting-rights", "No visit with a child whose visiting rights a court reserved"),
    NO_CONTACT_STEP_UNDER_NO_CONTACT_ORDER(
            "no-contact-step-under-no-contact-order",
            "No photo, letter or phone call passed to or from a child covered by a no-contact order"),
    NO_CONTACT_STEP_WITHOUT_VISITING_RIGHTS(
            "no-contact-step-without-visiting-rights",
            "No photo, letter or phone call passed to or from a child whose visiting rights a court reserved"),
    NO_PRISON_VISIT_DURING_SUSPENSION(
            "no-prison-visit-during-suspension", "No visit in prison while the prison has suspended all visits"),
    PRISON_VISIT_NEEDS_A_VALID_PERMIT(
            "prison-visit-needs-a-valid-permit",
            "A visit in prison needs an accompanier holding a valid visiting permit for that prison on the visit date"),
    VISIT_PLACE_FOLLOWS_CUSTODY(
            "visit-place-follows-custody",
            "Visits take place in prison while the parent is in custody, and outside only in open setting"),
    VISIT_MUST_BE_SCHEDULED(
            "visit-must-be-scheduled",
            "Only a scheduled visit that was neither held nor cancelled can be held or cancelled"),
    CHILD_TURNED_18_NEEDS_NO_MINOR(
            "child-turned-18-needs-no-minor",
            "Closing because the child turned 18 needs every child of the case to be 18 or more"),
    NURSERY_IS_FOR_BABIES_WITH_THEIR_MOTHER(
            "nursery-is-for-babies-with-their-mother",
            "Day-nursery accompaniments are for a child of the case living with the mother in prison"),
    CHILD_ALREADY_ON_THE_CASE(
            "child-already-on-the-case", "A child is added once, under a holder of parental authority of the case"),
    ENTRY_CORRECTABLE_ONCE(
            "entry-correctable-once",
            "Only an entry of this case that records a meeting, a visit, a consent or a custody change can be "
                    + "corrected, and only once"),
    ACCOMPANIER_OF_THE_CASE(
            "accompanier-of-the-case",
            "An accompanier without an account is named on the case first, and then referred to by their subject id"),
    PERMIT_TO_EXPIRE("permit-to-expire", "Only a visiting permit on record can expire"),
    NOT_IN_THIS_STAGE("not-in-this-stage", "This step is possible only once the request has been accepted"),
    REQUEST_DECIDED_ONCE("request-decided-once", "A request is accepted or declined once, while it is at reception"),
    ONLY_AN_ENDED_CASE_REOPENS(
            "only-an-ended-case-reopens", "Only a closed case or a declined request can be reopened"),
    CLOSING_NEEDS_REASON("closing-needs-reason", "Closing needs one of the report's reasons"),
    VISIT_NEEDS_CHILDREN_OF_THE_CASE(
            "visit-needs-children-of-the-case",
            "A visit needs at least one child, and only children of this case, each once"),
    CONSENT_FROM_A_PARTY(
            "consent-from-a-party",
            "Only the detained parent and the holders of parental authority on the case give or withdraw consent"),
    CONSENT_ALREADY_CURRENT("consent-already-current", "A consent that is current cannot be recorded again"),
    NO_CURRENT_CONSENT_TO_WITHDRAW("no-current-consent-to-withdraw", "Only a current consent can be withdrawn"),
    ALREADY_ASSIGNED("already-assigned", "A case is assigned to a caseworker who does not have it yet"),
    ERASURE_OF_A_PERSON_OF_THE_CASE(
            "erasure-of-a-person-of-the-case",
            "Only the detained parent, a party or a child of this case can be erased"),
    PERSON_ERASED_ONCE("person-erased-once", "A person's personal data is erased once; it cannot be erased again"),
    REQUEST_NEEDS_A_COMPLETE_FAMILY(
            "request-needs-a-complete-family",
            "A request names at least one child, each person once, and every child's holder of parental authority "
                    + "among its parties — or, for a baby living with the detained mother in the prison nursery, the detained "
                    + "mother herself");

    private final String code;
    private final String statement;

    CaseRule(String code, String statement) {
        this.code = code;
        this.statement = statement;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String statement() {
        return statement;
    }

    @Override
    public Family family() {
        return Family.CASE;
    }
}
