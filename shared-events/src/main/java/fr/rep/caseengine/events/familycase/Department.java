package fr.rep.caseengine.events.familycase;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** A French département of residence by its official code ("80" for the Somme, "2A", "974"). */
public record Department(String code) {

    /** Metropolitan codes 01–95 with Corsica's 2A and 2B, and the overseas 971–976. */
    public static final String CODE_PATTERN = "0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-6]";

    private static final Pattern CODE = Pattern.compile(CODE_PATTERN);

    public Department {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("not a French département code: " + code);
        }
    }

    @JsonCreator
    public static Department of(String code) {
        return new Department(code);
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }
}
