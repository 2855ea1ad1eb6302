package org.opencdp.subjectrights;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.opencdp.personaldata.SubjectErasedException;
import org.opencdp.problem.ProblemResponses;
import org.opencdp.problem.ProblemType;

/**
 * A write for a subject that was erased (its tombstone refuses a new key) is refused with a 410 problem: the
 * subject is gone for good, and nothing of the request was stored. Event consumers catch the exception and skip.
 */
public class ErasedSubjectProblems {

    @ServerExceptionMapper
    public Response gone(SubjectErasedException e, UriInfo uri) {
        return ProblemResponses.of(
                ProblemType.GONE,
                "This subject's personal data was erased (GDPR Art. 17); no personal data of it may be stored again.",
                "/" + uri.getPath().replaceFirst("^/", ""));
    }
}
