package org.opencdp.consent.domain;

/** Where a consent was given or withdrawn. */
public enum Channel {
    WEB_FORM,
    COOKIE_BANNER,
    PHONE,
    PAPER,
    API
}
