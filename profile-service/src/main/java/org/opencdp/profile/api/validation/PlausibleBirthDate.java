package org.opencdp.profile.api.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** A birth date that is not in the future and not implausibly long ago; null is valid. */
@Documented
@Retention(RUNTIME)
@Target({FIELD, TYPE_USE})
@Constraint(validatedBy = PlausibleBirthDateValidator.class)
public @interface PlausibleBirthDate {
    String message() default "must be in the past and at most 130 years ago";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
