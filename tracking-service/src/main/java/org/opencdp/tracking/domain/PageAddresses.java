package org.opencdp.tracking.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Minimises page addresses and referrers before anything is stored: the fragment is dropped (it can carry tokens),
 * and so is every query parameter whose name contains one of the personal terms (so {@code user_email},
 * {@code firstName}, {@code access_token} go) or whose value contains an {@code @}. Matching on parts of names
 * strips more than needed now and then ({@code hotel} contains {@code tel}): losing a harmless parameter is the
 * safe side.
 */
public final class PageAddresses {

    /** The terms every deployment strips; the configuration adds its own. */
    public static final Set<String> PERSONAL_TERMS = Set.of("email", "mail", "name", "phone", "tel", "token");

    public static final int MAX_LENGTH = 2048;

    private final Set<String> personalTerms;

    public PageAddresses(Set<String> extraTerms) {
        this.personalTerms = extraTerms.stream()
                .map(term -> term.toLowerCase(Locale.ROOT).trim())
                .filter(term -> !term.isEmpty())
                .collect(java.util.stream.Collectors.toCollection(() -> new java.util.HashSet<>(PERSONAL_TERMS)));
    }

    /** The minimised address, or empty if it is not an absolute http(s) URL of at most {@link #MAX_LENGTH}. */
    public Optional<String> minimise(String address) {
        if (address == null || address.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(address);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getRawAuthority() == null) {
            return Optional.empty();
        }
        StringBuilder kept = new StringBuilder(scheme).append("://").append(uri.getRawAuthority());
        kept.append(uri.getRawPath() == null ? "" : uri.getRawPath());
        String query = keptQuery(uri.getRawQuery());
        if (!query.isEmpty()) {
            kept.append('?').append(query);
        }
        return Optional.of(kept.toString());
    }

    private String keptQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        StringJoiner kept = new StringJoiner("&");
        for (String parameter : rawQuery.split("&")) {
            if (!parameter.isEmpty() && !personal(parameter)) {
                kept.add(parameter);
            }
        }
        return kept.toString();
    }

    private boolean personal(String parameter) {
        int equals = parameter.indexOf('=');
        String name =
                decode(equals < 0 ? parameter : parameter.substring(0, equals)).toLowerCase(Locale.ROOT);
        String value = equals < 0 ? "" : decode(parameter.substring(equals + 1));
        return value.contains("@") || personalTerms.stream().anyMatch(name::contains);
    }

    private static String decode(String part) {
        try {
            return java.net.URLDecoder.decode(part, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return part;
        }
    }
}
