package org.opencdp.personaldata;

/** A ciphertext failed authentication: altered, truncated, or moved to another subject or field. */
public class TamperedCiphertextException extends RuntimeException {

    public TamperedCiphertextException() {
        super("ciphertext failed authentication", null, false, false);
    }
}
