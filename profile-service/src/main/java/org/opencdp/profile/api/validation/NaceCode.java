package org.opencdp.profile.api.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** An industry code of NACE Rev. 2 / WZ 2008: division, group, class or subclass; null is valid. */
@Documented
@Retention(RUNTIME)
@Target({FIELD, TYPE_USE})
@Constraint(validatedBy = NaceCodeValidator.class)
public @interface NaceCode {
    String message() default "must be a NACE/WZ 2008 code such as 47.91 or 47.91.1";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
