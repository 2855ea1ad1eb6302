package org.opencdp.subjectrights;

import java.util.Set;

/**
 * The data-subject rights a service honours, as its capabilities declare them ({@link ContractCapabilities#rights()}).
 * retention-service reads them to decide which services take part in a request: every service honours
 * {@link #EVERY_SERVICE} through this contract; the others only where a service declares them.
 */
public enum SubjectRight {
    /** Art. 15 and 20: the export. */
    EXPORT,
    /** Art. 17. */
    ERASURE,
    /** Art. 18, and lifting it. */
    RESTRICTION,
    /** Art. 16: corrects the subject's data with a JSON merge patch; a service with a {@link SubjectRectifier}. */
    RECTIFICATION,
    /** Art. 21: a service that records objections through its own endpoint (consent-service). */
    OBJECTION;

    /** What every service taking part in the contract honours, whether it answers right now or not. */
    public static final Set<SubjectRight> EVERY_SERVICE = Set.of(EXPORT, ERASURE, RESTRICTION);
}
