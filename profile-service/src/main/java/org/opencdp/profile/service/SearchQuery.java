package org.opencdp.profile.service;

/** The search criteria; every given one must match. */
public record SearchQuery(String name, String email, String phone, String company, String postcode) {

    public boolean isEmpty() {
        return blank(name) && blank(email) && blank(phone) && blank(company) && blank(postcode);
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
