package org.opencdp.sensitivenumbers;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds payment card numbers and IBANs pasted into free-text fields. Only a payment method type and a masked
 * reference may be stored (PCI DSS, data minimisation), so any such number anywhere in a request is refused.
 */
public final class SensitiveNumbers {

    /**
     * 13 to 19 digits, optionally grouped by spaces or dashes, as card numbers are written: standing on their own, not
     * glued to letters. A vendor's hexadecimal identifier (a sipgate call id such as {@code …EF4882404446269FC…})
     * holds runs of digits that pass the Luhn check about once in ten; they are not card numbers and were refused.
     * The boundaries know every script's letters and digits ({@code \\p{L}}, {@code \\p{N}}), while the digits
     * themselves are ASCII only ({@code \\d} without the Unicode flag), which is what the Luhn check can read.
     */
    private static final Pattern CARD = Pattern.compile("(?<![\\p{L}\\p{N}+])(\\d[ -]?){12,18}\\d(?![\\p{L}\\p{N}])");
    /** Two letters, two check digits, then 11 to 30 letters or digits, optionally grouped by spaces. */
    private static final Pattern IBAN = Pattern.compile("\\b[A-Za-z]{2}\\d{2}(?:[ ]?[A-Za-z0-9]){11,30}\\b");

    private SensitiveNumbers() {}

    public enum Kind {
        CARD_NUMBER("a payment card number"),
        IBAN("an IBAN");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** The kind of sensitive number found in the text, or null. */
    public static Kind find(String text) {
        if (text == null || text.length() < 13) {
            return null;
        }
        // Most fields are names, streets and tags: counting digits spares them the regular expressions.
        long digitCount = text.chars().filter(ch -> ch >= '0' && ch <= '9').count();
        if (digitCount < 2) {
            return null; // an IBAN has at least its two check digits, a card number 13 or more
        }
        Matcher card = CARD.matcher(text);
        while (digitCount >= 13 && card.find()) {
            String digits = card.group().replaceAll("[ -]", "");
            if (hasCardPrefix(digits) && luhnValid(digits)) {
                return Kind.CARD_NUMBER;
            }
        }
        Matcher iban = IBAN.matcher(text);
        while (iban.find()) {
            if (ibanValid(iban.group().replace(" ", ""))) {
                return Kind.IBAN;
            }
        }
        return null;
    }

    /** Issuer prefixes of the card schemes in use (Visa, Mastercard, Amex, Discover, JCB, Diners, Maestro, UnionPay). */
    static boolean hasCardPrefix(String digits) {
        int two = Integer.parseInt(digits.substring(0, 2));
        int four = Integer.parseInt(digits.substring(0, 4));
        return digits.charAt(0) == '4'
                || (two >= 51 && two <= 55)
                || (four >= 2221 && four <= 2720)
                || two == 34
                || two == 37
                || digits.startsWith("6011")
                || two == 65
                || two == 62
                || two == 35
                || two == 36
                || two == 38
                || two == 30
                || digits.startsWith("50")
                || (two >= 56 && two <= 69);
    }

    static boolean luhnValid(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /** ISO 13616 check: move the first four characters to the end, letters to numbers, modulo 97 must be 1. */
    static boolean ibanValid(String iban) {
        String rearranged = (iban.substring(4) + iban.substring(0, 4)).toUpperCase();
        StringBuilder numeric = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            if (Character.isDigit(c)) {
                numeric.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                numeric.append(c - 'A' + 10);
            } else {
                return false;
            }
        }
        return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }
}
