package org.opencdp.profile.domain;

/**
 * Whether a caller may be called for marketing, as consent-service said when asked. {@link #UNKNOWN} is said as such
 * (consent-service did not answer), never guessed as allowed.
 */
public enum PhoneMarketing {
    /** The phone-marketing consent is in force. */
    ALLOWED,
    /** No phone-marketing consent in force: do not call for marketing. */
    NOT_ALLOWED,
    /** consent-service gave no answer: do not call for marketing either, until it can be checked. */
    UNKNOWN;

    /** An agent must not call for marketing unless consent is known to be in force. */
    public boolean doNotCall() {
        return this != ALLOWED;
    }
}
