package org.opencdp.profile.api.validation;

import java.util.regex.Pattern;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class NaceCodeValidator implements ConstraintValidator<NaceCode, String> {

    /** Division "47", group "47.9", class "47.91", WZ subclass "47.91.1"; divisions run from 01 to 99. */
    private static final Pattern CODE = Pattern.compile("(0[1-9]|[1-9][0-9])(\\.[0-9]([0-9](\\.[0-9])?)?)?");

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || CODE.matcher(value).matches();
    }
}
