package org.opencdp.profile.service;

/**
 * consent-service did not answer, so nobody knows whether marketing may see a customer: marketing sees no one
 * (fail closed). A single read answers 503 with Retry-After; a search leaves everyone out and says so.
 */
public class ConsentUnavailableException extends RuntimeException {

    public ConsentUnavailableException(String reason) {
        super(reason, null, false, false);
    }
}
