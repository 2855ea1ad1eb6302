package org.opencdp.profile.domain;

/** Gender as the person states it; German law recognises "divers", and nobody has to say. */
public enum Gender {
    FEMALE,
    MALE,
    DIVERSE,
    UNSPECIFIED
}
