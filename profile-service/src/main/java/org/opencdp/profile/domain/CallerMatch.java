package org.opencdp.profile.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer whose phone number matched a caller's, with what a caller card shows: the profile, the company (its own
 * name, or for a contact person the first company it is linked to), whether marketing calls are allowed, and the
 * latest contact and open tickets (null until the communication timeline records them, see
 * {@code CallerLookup#activityOf}).
 */
public record CallerMatch(
        UUID customerId,
        CustomerProfile profile,
        String company,
        PhoneMarketing phoneMarketing,
        Instant lastContact,
        Integer openTickets) {}
