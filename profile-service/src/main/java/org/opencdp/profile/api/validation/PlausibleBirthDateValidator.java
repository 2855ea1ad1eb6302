package org.opencdp.profile.api.validation;

import java.time.LocalDate;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class PlausibleBirthDateValidator implements ConstraintValidator<PlausibleBirthDate, LocalDate> {

    static final int OLDEST_PLAUSIBLE_AGE = 130;

    @Override
    public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        LocalDate today = LocalDate.now();
        return !value.isAfter(today) && value.isAfter(today.minusYears(OLDEST_PLAUSIBLE_AGE));
    }
}
