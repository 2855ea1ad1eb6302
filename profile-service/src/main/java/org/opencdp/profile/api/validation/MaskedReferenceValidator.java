package org.opencdp.profile.api.validation;

import java.util.regex.Pattern;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import org.opencdp.profile.api.PaymentMethodInput;
import org.opencdp.profile.domain.PaymentMethodType;

/**
 * A reference may show what helps a person recognise the account and nothing that lets anyone use it: the last
 * four digits of a card, an IBAN's country, check digits and last four digits, a PayPal address with its middle
 * masked. It must contain mask characters.
 */
public class MaskedReferenceValidator implements ConstraintValidator<MaskedReference, PaymentMethodInput> {

    private static final Pattern MASK = Pattern.compile("[*•xX]");
    private static final int MAX_VISIBLE_DIGITS = 4;

    @Override
    public boolean isValid(PaymentMethodInput method, ConstraintValidatorContext context) {
        if (method == null
                || method.maskedReference() == null
                || method.maskedReference().isBlank()) {
            return true;
        }
        String reference = method.maskedReference().strip();
        String message = check(method.type(), reference);
        if (message == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(message)
                .addPropertyNode("maskedReference")
                .addConstraintViolation();
        return false;
    }

    static String check(PaymentMethodType type, String reference) {
        if (type != null && !type.hasReference()) {
            return "must be empty for " + type;
        }
        if (!MASK.matcher(reference).find()) {
            return "must be masked with * (e.g. **** **** **** 4242): full numbers are never stored";
        }
        String countable = type == PaymentMethodType.SEPA_DIRECT_DEBIT && reference.length() > 4
                ? reference.substring(4) // country code and check digits identify no account
                : reference;
        long digits = countable.chars().filter(Character::isDigit).count();
        if (digits > MAX_VISIBLE_DIGITS) {
            return "must be masked: at most the last " + MAX_VISIBLE_DIGITS + " digits may be visible";
        }
        return null;
    }
}
