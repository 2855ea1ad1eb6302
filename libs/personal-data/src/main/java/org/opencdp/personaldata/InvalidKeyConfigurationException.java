package org.opencdp.personaldata;

/** The key configuration is missing or malformed; the message says what to set. */
public class InvalidKeyConfigurationException extends RuntimeException {

    public InvalidKeyConfigurationException(String message) {
        super(message);
    }
}
