package org.opencdp.profile.domain;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Normalises phone numbers in any common notation ("0171 2345678", "+49 (171) 234-5678", "0049 171 2345678") to
 * E.164 ("+491712345678"), the only form stored and searched. Numbers without a country prefix are read in the
 * default region (Germany).
 */
public final class PhoneNumbers {

    public static final String DEFAULT_REGION = "DE";
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {}

    /** The E.164 form, or empty when the input is not a valid number. */
    public static Optional<String> toE164(String input) {
        if (input == null || input.isBlank() || input.length() > 40) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse(input.trim(), DEFAULT_REGION);
            if (!UTIL.isValidNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
