package fr.rep.caseengine.events.input;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The instant of a fact being recorded has happened: not after the server's clock, give or take
 * {@link #TOLERANCE} (devices' clocks drift: a fact a little ahead of the server is still "now"). Null is left to
 * {@code @NotNull}. The API's description states it from this annotation.
 */
@Documented
@Constraint(validatedBy = NotInTheFutureValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.ANNOTATION_TYPE
})
@Retention(RetentionPolicy.RUNTIME)
public @interface NotInTheFuture {

    /** How far ahead of the server's clock an instant is still taken as now (ISO-8601 duration). */
    String TOLERANCE = "PT5M";

    String message() default "must not be in the future: record what has happened";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
