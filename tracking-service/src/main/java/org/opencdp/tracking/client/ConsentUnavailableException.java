package org.opencdp.tracking.client;

/** consent-service could not decide (down, too slow, or an answer that is not the contract's): fail closed. */
public class ConsentUnavailableException extends RuntimeException {

    public ConsentUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public ConsentUnavailableException(String message) {
        super(message);
    }
}
