package org.opencdp.consent.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

/** The text of a purpose version in one language, as shown to a person, with the hash a consent's proof carries. */
public record PurposeText(String language, String title, String body, String hash) {

    /** A text with its hash computed from title and body. */
    public static PurposeText of(String language, String title, String body) {
        return new PurposeText(language, title, body, hashOf(title, body));
    }

    /**
     * The lowercase hex SHA-256 of the text's canonical form: the UTF-8 bytes of NFC(title + "\n\n" + body). NFC
     * makes "ü" typed as one code point or as "u" plus a combining mark hash alike; the shipped texts' migration
     * computes the same form in SQL.
     */
    public static String hashOf(String title, String body) {
        String canonical = Normalizer.normalize(title + "\n\n" + body, Normalizer.Form.NFC);
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
