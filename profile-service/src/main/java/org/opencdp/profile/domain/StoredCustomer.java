package org.opencdp.profile.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A customer as the service hands it out: id, version and timestamps of the row, the decrypted profile, and the
 * company links. The links are empty when there are none, when the customer was just created, in search results,
 * and when the reader may not see direct identifiers (they are then not even decrypted).
 */
public record StoredCustomer(
        UUID id,
        CustomerKind kind,
        long version,
        Instant createdAt,
        Instant updatedAt,
        CustomerProfile profile,
        List<ContactLink> contacts,
        List<ContactLink> companies) {

    public StoredCustomer {
        contacts = List.copyOf(contacts);
        companies = List.copyOf(companies);
    }
}
