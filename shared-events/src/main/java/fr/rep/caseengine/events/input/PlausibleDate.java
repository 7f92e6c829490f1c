package fr.rep.caseengine.events.input;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A date or instant typed by a person lies within a sane range: not before {@link #notBefore()} and not further
 * ahead than {@link #ahead()} from today. Java accepts years up to ±999,999,999; PostgreSQL's timestamps, the
 * projections' arithmetic and a caseworker's intent do not. Applies to {@code LocalDate}, {@code OffsetDateTime},
 * {@code ZonedDateTime}, {@code LocalDateTime} and {@code Instant}; null is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = PlausibleDateValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.ANNOTATION_TYPE
})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlausibleDate {

    /** The earliest date accepted, ISO-8601. */
    String notBefore() default "1900-01-01";

    /** How far after today a date may lie, as an ISO-8601 period ({@code P0D}: not after today). */
    String ahead() default "P1Y";

    String message() default "must be a date between {notBefore} and {ahead} from today";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
