package org.opencdp.profile.domain;

public enum ContactUse {
    PRIVATE,
    WORK,
    OTHER
}
