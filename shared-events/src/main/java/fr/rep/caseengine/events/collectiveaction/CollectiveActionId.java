package fr.rep.caseengine.events.collectiveaction;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies one collective action (a snack or workshop session, or a talking group's cycle); its aggregate id. */
public record CollectiveActionId(UUID value) {

    public CollectiveActionId {
        Objects.requireNonNull(value, "a collective action id needs a value");
    }

    public static CollectiveActionId random() {
        return new CollectiveActionId(UUID.randomUUID());
    }

    @JsonCreator
    public static CollectiveActionId of(String value) {
        return new CollectiveActionId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
