package org.opencdp.consent.domain;

import java.util.UUID;

/**
 * The withdrawal of a subject's objection: the OBJECTION_WITHDRAWN entry and the objection it ended, or, when no
 * objection was in force, neither (nothing recorded).
 */
public record ObjectionWithdrawal(UUID entryId, UUID objectionEntryId, boolean recorded) {

    public static ObjectionWithdrawal none() {
        return new ObjectionWithdrawal(null, null, false);
    }
}
