package org.opencdp.consent.domain;

/** A ledger entry as the DPO and the subject-rights export show it: with the e-mail address decrypted. */
public record HistoryEntry(LedgerEntry entry, String email) {}
