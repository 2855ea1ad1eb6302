package org.opencdp.retention.domain;

/** How the requester's identity was checked. No copy of an identity document is ever stored. */
public enum VerificationMethod {
    /** The request came from contact details already on record (e.g. the customer's e-mail address). */
    KNOWN_CONTACT_DETAILS,
    /** A call back to a phone number on record. */
    CALLBACK,
    /** The person signed in to their customer account. */
    ACCOUNT_LOGIN,
    /** An identity document was shown and looked at; nothing of it is kept. */
    ID_DOCUMENT_SIGHTED,
    /** A code sent to the postal address on record was returned. */
    POSTAL_CODE_LETTER
}
