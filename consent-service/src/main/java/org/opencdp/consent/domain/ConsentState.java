package org.opencdp.consent.domain;

import java.util.UUID;

/** The projection row of one holder and purpose: the entry in force and the status it left. */
public record ConsentState(Holder holder, String purposeId, ConsentStatus status, UUID entryId, long sequence) {}
