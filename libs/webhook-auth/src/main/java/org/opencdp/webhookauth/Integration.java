package org.opencdp.webhookauth;

import java.time.Instant;
import java.util.UUID;

/** A system without OIDC that may call the service's webhook or lookup endpoints, under its name. */
public record Integration(UUID id, String name, IntegrationKind kind, Instant createdAt, Instant revokedAt) {

    /** A letter, then 2 to 63 lowercase letters, digits or {@code -}; the schema checks the same. */
    public static final String NAME_PATTERN = "^[a-z][a-z0-9-]{1,62}$";

    public boolean revoked() {
        return revokedAt != null;
    }
}
