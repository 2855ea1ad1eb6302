package org.opencdp.profile.api.validation;

import java.util.Map;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import org.opencdp.profile.api.AddressInput;

public class ValidPostcodeValidator implements ConstraintValidator<ValidPostcode, AddressInput> {

    private static final Map<String, Pattern> BY_COUNTRY = Map.of(
            "DE", Pattern.compile("\\d{5}"),
            "AT", Pattern.compile("\\d{4}"),
            "CH", Pattern.compile("\\d{4}"),
            "NL", Pattern.compile("\\d{4} ?[A-Za-z]{2}"),
            "FR", Pattern.compile("\\d{5}"),
            "PL", Pattern.compile("\\d{2}-\\d{3}"));
    private static final Pattern ANYWHERE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]{1,10}");

    @Override
    public boolean isValid(AddressInput address, ConstraintValidatorContext context) {
        if (address == null || address.postcode() == null || address.postcode().isBlank()) {
            return true; // @NotBlank reports a missing postcode
        }
        String postcode = address.postcode().strip();
        Pattern format = address.country() == null ? ANYWHERE : BY_COUNTRY.getOrDefault(address.country(), ANYWHERE);
        if (format.matcher(postcode).matches()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                .addPropertyNode("postcode")
                .addConstraintViolation();
        return false;
    }
}
