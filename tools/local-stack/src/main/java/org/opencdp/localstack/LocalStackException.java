package org.opencdp.localstack;

/** A failure a person can act on: the message says what is wrong and what to do; no stack trace is needed. */
public class LocalStackException extends RuntimeException {

    public LocalStackException(String message) {
        super(message);
    }

    public LocalStackException(String message, Throwable cause) {
        super(message, cause);
    }
}
