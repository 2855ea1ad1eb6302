package org.opencdp.events.profile;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A customer was created or changed in profile-service: the attributes other services segment on, after the
 * change. Bands and regions only, never names or contact data (data minimisation). Every field is present, null
 * when the customer has no such attribute (a company has no age band, a person no industry code).
 *
 * <p>Codes are strings, not enums, so that a band profile-service adds does not break a consumer that does not know
 * it yet.
 *
 * @param kind {@code PERSON} or {@code COMPANY}
 * @param ageBand e.g. {@code 35-44}
 * @param country ISO 3166-1 alpha-2, of the main address
 * @param postcodeRegion the first two characters of the main address's postcode
 * @param language a BCP 47 language tag
 * @param industryCode a NACE code, companies only
 * @param companySize a company size band, e.g. {@code SMALL}, companies only
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProfileChanged(
        UUID subjectId,
        String kind,
        String ageBand,
        String country,
        String postcodeRegion,
        String language,
        String industryCode,
        String companySize) {

    public static final String TYPE = "profile.changed";
    public static final int VERSION = 1;
}
