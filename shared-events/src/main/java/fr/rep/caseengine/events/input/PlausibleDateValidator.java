package fr.rep.caseengine.events.input;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;

/**
 * Checks {@link PlausibleDate}. Today comes from the validation's clock provider (the application's clock where it
 * sets one). The value is compared as the calendar date it names, converted to nothing: a conversion is exactly what
 * overflows at the edges of java.time's range.
 */
public class PlausibleDateValidator implements ConstraintValidator<PlausibleDate, Temporal> {

    private LocalDate notBefore;
    private Period ahead;

    @Override
    public void initialize(PlausibleDate annotation) {
        notBefore = LocalDate.parse(annotation.notBefore());
        ahead = Period.parse(annotation.ahead());
    }

    @Override
    public boolean isValid(Temporal value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        Clock clock = context.getClockProvider().getClock();
        LocalDate latest = LocalDate.now(clock).plus(ahead);
        boolean plausible;
        if (value instanceof Instant instant) {
            plausible = !instant.isBefore(notBefore.atStartOfDay().toInstant(ZoneOffset.UTC))
                    && instant.isBefore(latest.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        } else {
            LocalDate date = dateOf(value);
            plausible = date != null && !date.isBefore(notBefore) && !date.isAfter(latest);
        }
        if (!plausible) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be a date between " + notBefore + " and " + latest)
                    .addConstraintViolation();
        }
        return plausible;
    }

    private static LocalDate dateOf(Temporal value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof OffsetDateTime dateTime) {
            return dateTime.toLocalDate();
        }
        if (value instanceof ZonedDateTime dateTime) {
            return dateTime.toLocalDate();
        }
        if (value instanceof LocalDateTime dateTime) {
            return dateTime.toLocalDate();
        }
        return null;
    }
}
