package org.opencdp.retention.domain;

import org.opencdp.subjectrights.SubjectRight;

/** The rights a data subject can exercise through the dpo. */
public enum RequestType {
    /** GDPR Art. 15: a copy of everything held. */
    ACCESS,
    /** GDPR Art. 17. */
    ERASURE,
    /** GDPR Art. 18. */
    RESTRICTION,
    /** The end of an Art. 18 restriction. */
    LIFT_RESTRICTION,
    /** GDPR Art. 20: what the person provided, machine-readable. */
    PORTABILITY,
    /** GDPR Art. 21: recorded at consent-service, which ends every processing resting on legitimate interest. */
    OBJECTION,
    /** GDPR Art. 16: the corrected fields, forwarded to the services that declare RECTIFICATION (profile-service). */
    RECTIFICATION;

    /** The right a service must declare in its capabilities to take part in a request of this type. */
    public SubjectRight right() {
        return switch (this) {
            case ACCESS, PORTABILITY -> SubjectRight.EXPORT;
            case ERASURE -> SubjectRight.ERASURE;
            case RESTRICTION, LIFT_RESTRICTION -> SubjectRight.RESTRICTION;
            case OBJECTION -> SubjectRight.OBJECTION;
            case RECTIFICATION -> SubjectRight.RECTIFICATION;
        };
    }

    /** Whether the answer is a copy of the subject's data rather than a receipt. */
    public boolean exportsData() {
        return this == ACCESS || this == PORTABILITY;
    }
}
