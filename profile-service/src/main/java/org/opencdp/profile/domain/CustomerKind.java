package org.opencdp.profile.domain;

/** B2C customers are persons; B2B customers are companies, whose contact persons are persons too. */
public enum CustomerKind {
    PERSON,
    COMPANY
}
