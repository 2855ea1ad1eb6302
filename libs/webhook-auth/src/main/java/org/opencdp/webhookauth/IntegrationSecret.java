package org.opencdp.webhookauth;

import java.time.Instant;
import java.util.UUID;

/**
 * One credential of an integration as stored: exactly one of an encrypted shared secret (generic HMAC, Zammad), the
 * SHA-256 of an API key (3CX) or a public key in PEM (sipgate). {@code validUntil} is set once a rotation replaced it.
 */
public record IntegrationSecret(
        UUID id,
        UUID integrationId,
        Instant createdAt,
        Instant validUntil,
        byte[] encryptedSecret,
        byte[] secretHash,
        String publicKeyPem) {

    public boolean validAt(Instant now) {
        return validUntil == null || validUntil.isAfter(now);
    }
}
