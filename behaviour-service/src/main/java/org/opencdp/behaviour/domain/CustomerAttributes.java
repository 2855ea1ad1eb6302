package org.opencdp.behaviour.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer's segment attributes as profile-service last reported them (bands and regions only), as of the time
 * profile-service made the change.
 */
public record CustomerAttributes(
        UUID subjectId,
        String kind,
        String ageBand,
        String country,
        String postcodeRegion,
        String language,
        String industryCode,
        String companySize,
        Instant asOf) {}
