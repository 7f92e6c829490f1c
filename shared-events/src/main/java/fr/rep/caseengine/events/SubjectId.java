package fr.rep.caseengine.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies one person (a child, a parent, an ASE referent) without saying who they are.
 * Events carry subject ids; names and contact details live in the erasable personal-data store.
 */
public record SubjectId(UUID value) {

    public SubjectId {
        Objects.requireNonNull(value, "a subject id needs a value");
    }

    public static SubjectId random() {
        return new SubjectId(UUID.randomUUID());
    }

    @JsonCreator
    public static SubjectId of(String value) {
        return new SubjectId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
