package org.opencdp.profile.domain;

/** A phone number, always in E.164 form ("+491712345678"). */
public record PhoneNumber(String number, PhoneType type, boolean primary) {

    public enum PhoneType {
        MOBILE,
        LANDLINE,
        WORK,
        FAX,
        OTHER
    }
}
