package org.opencdp.personaldata;

import java.util.UUID;

/** The subject's data key was destroyed (erasure), or never existed: its encrypted data cannot be read. */
public class SubjectKeyDestroyedException extends RuntimeException {

    public SubjectKeyDestroyedException(UUID subjectId) {
        super("no data key for subject " + subjectId + ": its personal data was erased", null, false, false);
    }
}
