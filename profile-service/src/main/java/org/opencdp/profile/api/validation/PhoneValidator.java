package org.opencdp.profile.api.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import org.opencdp.profile.domain.PhoneNumbers;

public class PhoneValidator implements ConstraintValidator<Phone, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || PhoneNumbers.toE164(value).isPresent();
    }
}
