package org.opencdp.tracking.domain;

import java.util.UUID;

/** Who holds (or lacks) a consent: a website visitor (visitor id) or a known subject (subject id). */
public record Holder(Kind kind, String id) {

    public enum Kind {
        VISITOR,
        SUBJECT
    }

    public static Holder visitor(String visitorId) {
        return new Holder(Kind.VISITOR, visitorId);
    }

    public static Holder subject(UUID subjectId) {
        return new Holder(Kind.SUBJECT, subjectId.toString());
    }
}
