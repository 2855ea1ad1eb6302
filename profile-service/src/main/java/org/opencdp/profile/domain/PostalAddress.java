package org.opencdp.profile.domain;

/** A postal address; {@code country} is an ISO 3166-1 alpha-2 code. */
public record PostalAddress(
        AddressType type, String street, String addressLine2, String postcode, String city, String country) {

    public enum AddressType {
        HOME,
        BILLING,
        SHIPPING,
        OFFICE,
        OTHER
    }

    /**
     * The coarse region used for segments and analysis: the first two characters of the postcode (the German
     * "Postleitregion"), which identifies nobody.
     */
    public String postcodeRegion() {
        return postcode == null || postcode.length() < 2 ? null : postcode.substring(0, 2);
    }
}
