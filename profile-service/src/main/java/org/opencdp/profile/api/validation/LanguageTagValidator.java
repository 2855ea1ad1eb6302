package org.opencdp.profile.api.validation;

import java.util.Set;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class LanguageTagValidator implements ConstraintValidator<LanguageTag, String> {

    private static final Pattern SHAPE = Pattern.compile("([a-z]{2})(-([A-Z]{2}))?");
    private static final Set<String> LANGUAGES = Set.of(java.util.Locale.getISOLanguages());

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        var match = SHAPE.matcher(value);
        return match.matches()
                && LANGUAGES.contains(match.group(1))
                && (match.group(3) == null || IsoCountryValidator.COUNTRIES.contains(match.group(3)));
    }
}
