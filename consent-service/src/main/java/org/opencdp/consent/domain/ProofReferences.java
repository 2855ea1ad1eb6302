package org.opencdp.consent.domain;

import java.util.regex.Pattern;

/**
 * Checks the free proof reference of a consent (a paper form's archive number, a call id). Like profile-service's
 * free-text fields it must not carry a payment card number or an IBAN: a run of 13 or more digits (card numbers,
 * optionally grouped) or anything shaped like an IBAN is refused.
 */
public final class ProofReferences {

    private static final Pattern CARD_LIKE = Pattern.compile("(\\d[ -]?){12,18}\\d");
    private static final Pattern IBAN_LIKE = Pattern.compile("(?i)\\b[a-z]{2}\\d{2}(?:[ ]?[a-z0-9]){11,30}\\b");

    private ProofReferences() {}

    /** Why the reference is refused, or null when it is fine. */
    public static String problemWith(String reference) {
        if (reference == null) {
            return null;
        }
        if (CARD_LIKE.matcher(reference).find()) {
            return "must not contain a payment card number (13 or more digits in a row)";
        }
        if (IBAN_LIKE.matcher(reference).find()) {
            return "must not contain an IBAN";
        }
        return null;
    }
}
