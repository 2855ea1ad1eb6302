package org.opencdp.personaldata;

import java.util.UUID;

/**
 * The subject was erased: the key database holds its tombstone and refuses it a new key, so a late write (an event
 * delivered after the erasure, a retried request) cannot store personal data of that subject again. Services map it
 * to a 410 problem, or skip the write (an event consumer).
 */
public class SubjectErasedException extends RuntimeException {

    private final UUID subjectId;

    public SubjectErasedException(UUID subjectId) {
        super("subject " + subjectId + " was erased: no personal data of it may be stored again", null, false, false);
        this.subjectId = subjectId;
    }

    public UUID subjectId() {
        return subjectId;
    }
}
