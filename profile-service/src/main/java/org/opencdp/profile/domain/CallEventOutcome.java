package org.opencdp.profile.domain;

import java.util.UUID;

/**
 * What became of a call event: whom it was matched to ({@code entryId} is the call's timeline entry, null unless
 * matched) and what it changed.
 */
public record CallEventOutcome(Match match, UUID entryId, Change change) {

    /** Whether the external party's number is one customer's, several customers' (none picked) or nobody's. */
    public enum Match {
        MATCHED,
        AMBIGUOUS,
        UNKNOWN
    }

    /** CREATED the entry, UPDATED it, or left it UNCHANGED (the event was applied before, or the call is over). */
    public enum Change {
        CREATED,
        UPDATED,
        UNCHANGED,
        /** Not matched: nothing stored. */
        NOTHING_STORED
    }

    public static CallEventOutcome unmatched(Match match) {
        return new CallEventOutcome(match, null, Change.NOTHING_STORED);
    }
}
