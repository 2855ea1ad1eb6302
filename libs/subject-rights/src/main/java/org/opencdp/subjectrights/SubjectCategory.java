package org.opencdp.subjectrights;

/** The categories of data subjects a record of processing names (GDPR Art. 30(1)(c)). */
public enum SubjectCategory {
    CUSTOMERS,
    CONTACT_PERSONS,
    LEADS,
    WEBSITE_VISITORS
}
