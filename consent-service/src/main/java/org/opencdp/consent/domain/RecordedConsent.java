package org.opencdp.consent.domain;

import java.util.UUID;

/**
 * A consent entry just recorded. {@code optInToken} is set only for a double opt-in grant: the one copy of the token
 * that will be mailed to the person (only its hash is stored); it must never be logged or answered to the caller.
 */
public record RecordedConsent(UUID entryId, long sequence, ConsentStatus status, String optInToken) {

    @Override
    public String toString() {
        return "RecordedConsent[entryId=" + entryId + ", sequence=" + sequence + ", status=" + status + "]";
    }
}
