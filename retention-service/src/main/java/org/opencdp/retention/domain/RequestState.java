package org.opencdp.retention.domain;

import java.util.Set;

/** RECEIVED -> VERIFIED -> IN_PROGRESS -> COMPLETED, or REJECTED before the work starts (README, "Requests"). */
public enum RequestState {
    RECEIVED,
    VERIFIED,
    IN_PROGRESS,
    COMPLETED,
    REJECTED;

    public static final Set<RequestState> OPEN = Set.of(RECEIVED, VERIFIED, IN_PROGRESS);

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
