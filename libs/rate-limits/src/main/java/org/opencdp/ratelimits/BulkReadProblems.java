package org.opencdp.ratelimits;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.opencdp.problem.ProblemResponses;
import org.opencdp.problem.ProblemType;

/** Turns a refusal of the bulk-read guard into a 429 problem that says when to try again. */
public class BulkReadProblems {

    @ServerExceptionMapper
    public Response tooManyRequests(BulkReadLimitExceeded e, UriInfo uri) {
        Response response = ProblemResponses.of(
                ProblemType.TOO_MANY_REQUESTS,
                "You made more " + e.group() + " requests than allowed in a short time. Try again in "
                        + e.retryAfterSeconds() + " s.",
                "/" + uri.getPath().replaceFirst("^/", ""));
        response.getHeaders().add(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        return response;
    }
}
