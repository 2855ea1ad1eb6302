package org.opencdp.consent.domain;

import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Who a consent belongs to. A visitor id is 32 lowercase hex digits (128 random bits, from the service or
 * generated in the browser with {@code crypto.getRandomValues}); inside the service it is a UUID, so visitors get
 * keys and ledger rows exactly like subjects.
 */
public record Holder(HolderType type, UUID id) {

    public static final Pattern VISITOR_ID = Pattern.compile("^[0-9a-f]{32}$");

    public Holder {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    public static Holder subject(UUID id) {
        return new Holder(HolderType.SUBJECT, id);
    }

    /** A visitor from its external form; false input is the caller's to reject first ({@link #isVisitorId}). */
    public static Holder visitor(String externalId) {
        if (!isVisitorId(externalId)) {
            throw new IllegalArgumentException("a visitor id is 32 lowercase hex digits");
        }
        byte[] bits = HexFormat.of().parseHex(externalId);
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (bits[i] & 0xff);
            low = (low << 8) | (bits[i + 8] & 0xff);
        }
        return new Holder(HolderType.VISITOR, new UUID(high, low));
    }

    public static boolean isVisitorId(String value) {
        return value != null && VISITOR_ID.matcher(value).matches();
    }

    /** The id as clients know it: the subject's UUID, or the visitor's 32 hex digits. */
    public String externalId() {
        return type == HolderType.SUBJECT ? id.toString() : id.toString().replace("-", "");
    }
}
