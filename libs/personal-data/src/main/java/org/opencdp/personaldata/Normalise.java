package org.opencdp.personaldata;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The normal forms values are blind-indexed in. Searching normalises the query the same way, so what matches is
 * decided here: case and accents never matter ("Müller" = "MULLER"), word order does not matter for tokens.
 */
public final class Normalise {

    private Normalise() {}

    /** Trimmed and lower-cased. (Mailbox names are case-sensitive in theory, never in practice.) */
    public static String email(String address) {
        return address == null ? null : address.strip().toLowerCase(Locale.ROOT);
    }

    /** Lower case, accents removed (ü → u, é → e, ß → ss), whitespace collapsed. */
    public static String text(String value) {
        if (value == null) {
            return null;
        }
        String folded = value.replace("ß", "ss").replace("ẞ", "ss");
        folded = Normalizer.normalize(folded, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return folded.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }

    /** The distinct words of {@link #text(String)}, split on anything that is not a letter or digit. */
    public static List<String> tokens(String value) {
        if (value == null) {
            return List.of();
        }
        Set<String> tokens = new LinkedHashSet<>();
        for (String token : text(value).split("[^\\p{L}\\p{N}]+")) {
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return new ArrayList<>(tokens);
    }
}
