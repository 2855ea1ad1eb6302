package org.opencdp.profile.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer whose phone number matched a caller's, with what a caller card shows: the profile, the company (its own
 * name, or for a contact person the first company it is linked to), whether marketing calls are allowed, the latest
 * contact on the communication timeline (time and channel, null without any) and how many of its tickets are open
 * or pending.
 */
public record CallerMatch(
        UUID customerId,
        CustomerProfile profile,
        String company,
        PhoneMarketing phoneMarketing,
        Instant lastContact,
        TimelineChannel lastContactChannel,
        int openTickets) {}
