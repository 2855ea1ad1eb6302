package org.opencdp.tracking.domain;

import java.util.UUID;

/**
 * consent-service's answer for one holder and the purpose web-analytics: allowed or not, and if allowed the ledger
 * entry that allows it (stored with every event collected under it).
 */
public record ConsentDecision(boolean allowed, UUID entryId) {

    public static final ConsentDecision REFUSED = new ConsentDecision(false, null);

    public static ConsentDecision allowedBy(UUID entryId) {
        return new ConsentDecision(true, entryId);
    }
}
