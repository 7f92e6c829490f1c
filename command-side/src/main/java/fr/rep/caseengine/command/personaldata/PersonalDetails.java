package fr.rep.caseengine.command.personaldata;

/**
 * What identifies a person and must stay erasable: kept out of events, stored encrypted under the person's own key.
 * Any field but the first name may be {@code null}.
 */
public record PersonalDetails(String firstName, String lastName, String address, String phone, String notes) {}
