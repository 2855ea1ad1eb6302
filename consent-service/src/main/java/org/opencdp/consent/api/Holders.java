package org.opencdp.consent.api;

import org.opencdp.consent.domain.Holder;
import org.opencdp.problem.ProblemException;
import org.opencdp.requestparameters.RequestParameters;

/** Reads the holder of a request: exactly one of a subject id (UUID) and a visitor id (32 lowercase hex). */
final class Holders {

    static final String VISITOR_FORMAT = "must be 32 lowercase hex digits (128 random bits)";

    private Holders() {}

    static Holder of(String subjectId, String visitorId, String prefix) {
        if ((subjectId == null) == (visitorId == null)) {
            throw ProblemException.invalidField(
                    prefix + (subjectId == null ? "subjectId" : "visitorId"),
                    "give exactly one of subjectId and visitorId");
        }
        return subjectId != null
                ? Holder.subject(RequestParameters.uuid(prefix + "subjectId", subjectId))
                : visitor(prefix + "visitorId", visitorId);
    }

    static Holder visitor(String name, String visitorId) {
        if (!Holder.isVisitorId(visitorId)) {
            throw ProblemException.invalidField(name, VISITOR_FORMAT);
        }
        return Holder.visitor(visitorId);
    }
}
