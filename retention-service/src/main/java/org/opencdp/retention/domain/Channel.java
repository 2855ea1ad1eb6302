package org.opencdp.retention.domain;

/** How a request reached the controller. */
public enum Channel {
    PHONE,
    MAIL,
    EMAIL,
    WEB_FORM,
    IN_PERSON
}
