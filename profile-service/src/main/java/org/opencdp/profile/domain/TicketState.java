package org.opencdp.profile.domain;

import java.util.Locale;

/**
 * Where a ticket stands, in three states every ticket system's can be mapped to. Open and pending tickets count as
 * open on the caller card.
 */
public enum TicketState {
    OPEN,
    PENDING,
    CLOSED;

    /**
     * Zammad's state name: {@code new} and {@code open} are OPEN, {@code pending reminder} and {@code pending close}
     * (any name starting with "pending") PENDING, {@code closed}, {@code merged} and {@code removed} CLOSED. A state
     * of the deployment's own making counts as OPEN: an unknown state must not hide a ticket from the open count.
     */
    public static TicketState ofZammad(String name) {
        String state = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (state.startsWith("pending")) {
            return PENDING;
        }
        return switch (state) {
            case "closed", "merged", "removed" -> CLOSED;
            default -> OPEN;
        };
    }
}
