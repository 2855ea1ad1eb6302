package org.opencdp.tracking.service;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The payload of consent-service's {@code consent.revoked} event, version 1: the holder ({@code SUBJECT} or
 * {@code VISITOR}, and id), the purposes revoked, and per purpose the revoking ledger entry and the entry it ended.
 * The same shape as the contract record {@code org.opencdp.events.consent.ConsentRevoked} that consent-service
 * brings to libs/events (branch e-consent); read here until that record is on main, then replaced by it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConsentRevoked(
        String holderType, String holderId, List<String> purposes, List<Revoked> revocations, String revokedAt) {

    public static final String TYPE = "consent.revoked";
    public static final int VERSION = 1;

    /** One purpose's revocation: the revoking entry and the grant it ended. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Revoked(String purpose, UUID entryId, UUID revokedEntryId) {}
}
