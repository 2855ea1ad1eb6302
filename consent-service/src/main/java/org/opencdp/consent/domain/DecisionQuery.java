package org.opencdp.consent.domain;

/** May this purpose be pursued for this holder now? */
public record DecisionQuery(Holder holder, String purposeId) {}
