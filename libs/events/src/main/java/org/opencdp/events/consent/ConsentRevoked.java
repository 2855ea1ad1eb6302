package org.opencdp.events.consent;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Consent was withdrawn in consent-service (by the holder, an agent, or with an objection): subscribers stop
 * processing for those purposes and delete what they collected under them. One event per revocation call, which
 * may cover several purposes ("reject all" is one call).
 *
 * @param holderType {@code SUBJECT} or {@code VISITOR}
 * @param holderId the subject's UUID, or the visitor's id as 32 lowercase hex digits
 * @param purposes the purposes revoked by this call (those that were granted or pending)
 * @param revocations per purpose: the REVOKE ledger entry and the entry it ended
 * @param revokedAt when the revocation was recorded (ISO-8601 instant, UTC)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConsentRevoked(
        String holderType, String holderId, List<String> purposes, List<Revoked> revocations, String revokedAt) {

    public static final String TYPE = "consent.revoked";
    public static final int VERSION = 1;

    /** One purpose's revocation: the revoking entry and the grant (or pending grant) it ended. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Revoked(String purpose, UUID entryId, UUID revokedEntryId) {}
}
