package org.opencdp.profile.api.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** A language as ISO 639-1 code, optionally with an ISO 3166 region ("de", "de-AT"); null is valid. */
@Documented
@Retention(RUNTIME)
@Target({FIELD, TYPE_USE})
@Constraint(validatedBy = LanguageTagValidator.class)
public @interface LanguageTag {
    String message() default "must be an ISO 639-1 language code, optionally with a region, such as de or de-AT";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
