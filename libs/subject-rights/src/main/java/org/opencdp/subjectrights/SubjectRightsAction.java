package org.opencdp.subjectrights;

public enum SubjectRightsAction {
    /** GDPR Art. 17. */
    ERASURE,
    /** GDPR Art. 18. */
    RESTRICTION,
    /** End of an Art. 18 restriction. */
    RESTRICTION_LIFTED,
    /** GDPR Art. 16. */
    RECTIFICATION
}
