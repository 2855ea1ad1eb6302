package org.opencdp.consent.domain;

/** Whose consent: a known subject (a customer) or an anonymous website visitor. */
public enum HolderType {
    SUBJECT,
    VISITOR
}
