package org.opencdp.profile.api.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** A phone number libphonenumber can read (default region DE); null is valid. */
@Documented
@Retention(RUNTIME)
@Target({FIELD, TYPE_USE})
@Constraint(validatedBy = PhoneValidator.class)
public @interface Phone {
    String message() default "must be a valid phone number; without a +country prefix it is read as a German number";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
