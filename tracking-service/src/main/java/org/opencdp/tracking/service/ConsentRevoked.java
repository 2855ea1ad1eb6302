package org.opencdp.tracking.service;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The payload of consent-service's {@code consent.revoked} event as issue 10 describes it: the holder (type
 * {@code subject} or {@code visitor}, and id), the purposes revoked, the ledger entry that revokes and the entries
 * it revokes. Read here until consent-service publishes the contract record in libs/events.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConsentRevoked(
        String holderType, String holderId, List<String> purposes, UUID revokingEntryId, List<UUID> revokedEntryIds) {

    public static final String TYPE = "consent.revoked";
    public static final int VERSION = 1;
}
