package org.opencdp.profile.domain;

public record EmailAddress(String address, ContactUse use, boolean primary) {}
