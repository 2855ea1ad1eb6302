package org.opencdp.profile.api.validation;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** A payment method's reference shows no more than the last four digits (and an IBAN's country and check digits). */
@Documented
@Retention(RUNTIME)
@Target({TYPE, TYPE_USE})
@Constraint(validatedBy = MaskedReferenceValidator.class)
public @interface MaskedReference {
    String message() default "must be masked: at most the last 4 digits may be visible";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
