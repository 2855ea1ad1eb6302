package org.opencdp.profile.domain;

/** How a person is addressed in letters: "Sehr geehrte Frau", "Sehr geehrter Herr", or by name only. */
public enum Salutation {
    MS,
    MR,
    NONE
}
