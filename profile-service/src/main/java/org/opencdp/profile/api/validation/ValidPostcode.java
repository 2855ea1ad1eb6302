package org.opencdp.profile.api.validation;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** Checks an address's postcode against its country's format (DE, AT, CH strictly; others loosely). */
@Documented
@Retention(RUNTIME)
@Target({TYPE, TYPE_USE})
@Constraint(validatedBy = ValidPostcodeValidator.class)
public @interface ValidPostcode {
    String message() default "is not a valid postcode for this country";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
