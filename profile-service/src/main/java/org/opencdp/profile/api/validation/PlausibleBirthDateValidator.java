package org.opencdp.profile.api.validation;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** A bean, so that "today" comes from the service's clock. */
@ApplicationScoped
public class PlausibleBirthDateValidator implements ConstraintValidator<PlausibleBirthDate, LocalDate> {

    static final int OLDEST_PLAUSIBLE_AGE = 130;

    @Inject
    Clock clock;

    @Override
    public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        LocalDate today = LocalDate.now(clock);
        return !value.isAfter(today) && value.isAfter(today.minusYears(OLDEST_PLAUSIBLE_AGE));
    }
}
