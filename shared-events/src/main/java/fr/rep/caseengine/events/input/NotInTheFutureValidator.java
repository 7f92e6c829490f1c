package fr.rep.caseengine.events.input;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Checks {@link NotInTheFuture} against the validation's clock (the application's clock where it has one). */
public class NotInTheFutureValidator implements ConstraintValidator<NotInTheFuture, OffsetDateTime> {

    private static final Duration TOLERANCE = Duration.parse(NotInTheFuture.TOLERANCE);

    @Override
    public boolean isValid(OffsetDateTime value, ConstraintValidatorContext context) {
        return value == null
                || hasHappened(value.toInstant(), context.getClockProvider().getClock());
    }

    /** Whether {@code instant} is not after {@code clock}'s now, within the tolerance of {@link NotInTheFuture}. */
    public static boolean hasHappened(Instant instant, Clock clock) {
        return !instant.isAfter(clock.instant().plus(TOLERANCE));
    }
}
