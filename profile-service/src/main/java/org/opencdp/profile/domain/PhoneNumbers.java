package org.opencdp.profile.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    /** A German PBX writes an extension (Durchwahl) after a hyphen: "030 1234567-12". */
    private static final Pattern EXTENSION = Pattern.compile("^(.*[0-9])\\s*-\\s*([0-9]{1,5})$");

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

    /**
     * The numbers a caller's number may stand for, most specific first: the whole number (with an extension after a
     * hyphen read as a direct dial, "030 1234567-12" as +4930123456712), then, if it has such an extension, the
     * number without it (+49301234567, the switchboard). Empty when not even one is a valid number.
     */
    public static List<String> callerForms(String input) {
        List<String> forms = new ArrayList<>();
        toE164(input).ifPresent(forms::add);
        if (input != null && input.length() <= 40) {
            Matcher extension = EXTENSION.matcher(input.strip());
            if (extension.matches()) {
                toE164(extension.group(1)).filter(base -> !forms.contains(base)).ifPresent(forms::add);
            }
        }
        return List.copyOf(forms);
    }
}
