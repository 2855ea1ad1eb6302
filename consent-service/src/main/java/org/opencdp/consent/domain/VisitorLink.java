package org.opencdp.consent.domain;

import java.util.List;
import java.util.UUID;

/**
 * A visitor linked to a subject: the LINK entry, whether this call made it (false when they were linked before),
 * and the subject's entries made from the visitor's, each pointing to the visitor's entry with the original proof.
 */
public record VisitorLink(UUID linkEntryId, boolean linked, List<Carried> carried) {

    /** One purpose carried over: the subject's new entry and the visitor's entry it was made from. */
    public record Carried(String purposeId, ConsentAction action, UUID entryId, UUID linkedFrom) {}
}
