package fr.rep.caseengine.events.familycase;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import fr.rep.caseengine.events.SubjectId;
import java.util.Objects;
import java.util.UUID;

/**
 * Who accompanies a visit or holds a visiting permit, without a name: a staff account (by its account name, as the
 * events' {@code actor} names it), or a person without an account (a volunteer, an ASE referent) by their subject id,
 * whose name lives in the erasable personal-data store. Accompaniers recorded as free text before events carried
 * references read as {@link #RECORDED_BEFORE}: the name is no longer shown anywhere (docs/decisions/0007).
 * Stored as one string: {@code account:<name>}, {@code person:<subject id>} or {@code recorded-before}.
 *
 * @param account the staff account's name, or {@code null}
 * @param person  the person's subject id, or {@code null}
 */
public record Accompanier(String account, SubjectId person) {

    /** An accompanier recorded as free text before revision 2 of the permit events: who it was is not kept. */
    public static final Accompanier RECORDED_BEFORE = new Accompanier(null, null);

    private static final String ACCOUNT = "account:";
    private static final String PERSON = "person:";
    private static final String BEFORE = "recorded-before";

    public Accompanier {
        if (account != null && person != null) {
            throw new IllegalArgumentException("an accompanier is an account or a person, not both");
        }
        if (account != null && account.isBlank()) {
            throw new IllegalArgumentException("an account name cannot be blank");
        }
    }

    public static Accompanier staff(String account) {
        return new Accompanier(Objects.requireNonNull(account, "account"), null);
    }

    public static Accompanier person(SubjectId subject) {
        return new Accompanier(null, Objects.requireNonNull(subject, "subject"));
    }

    /** Whether this is the placeholder of an accompanier once recorded by name. */
    public boolean recordedBefore() {
        return account == null && person == null;
    }

    /**
     * Reads the stored form. Anything else is a name stored before events held references (a deadline scheduled
     * then, an event the upcasters did not reach): it reads as {@link #RECORDED_BEFORE}, never as the name.
     */
    @JsonCreator
    public static Accompanier of(String stored) {
        if (stored != null && stored.startsWith(ACCOUNT) && stored.length() > ACCOUNT.length()) {
            return staff(stored.substring(ACCOUNT.length()));
        }
        if (stored != null && stored.startsWith(PERSON)) {
            try {
                return person(new SubjectId(UUID.fromString(stored.substring(PERSON.length()))));
            } catch (IllegalArgumentException notAnId) {
                return RECORDED_BEFORE;
            }
        }
        return RECORDED_BEFORE;
    }

    @JsonValue
    @Override
    public String toString() {
        return account != null ? ACCOUNT + account : person != null ? PERSON + person : BEFORE;
    }
}
