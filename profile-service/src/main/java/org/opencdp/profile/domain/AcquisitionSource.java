package org.opencdp.profile.domain;

/** The touchpoint where the customer relationship began. */
public enum AcquisitionSource {
    WEBSITE,
    ONLINE_SHOP,
    STORE,
    PHONE,
    EVENT,
    REFERRAL,
    ADVERTISING,
    SOCIAL_MEDIA,
    PARTNER,
    IMPORT,
    OTHER
}
