package org.opencdp.publicsites;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.opencdp.problem.ProblemResponses;
import org.opencdp.problem.ProblemType;

/** Turns a site over its rate limit into a 429 problem that says when to try again. */
public class PublicSiteProblems {

    @ServerExceptionMapper
    public Response tooManyRequests(SiteRateLimited e, UriInfo uri) {
        Response response = ProblemResponses.of(
                ProblemType.TOO_MANY_REQUESTS,
                "This site made more requests than its limit allows. Try again in " + e.retryAfterSeconds() + " s.",
                "/" + uri.getPath().replaceFirst("^/", ""));
        response.getHeaders().add(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        return response;
    }
}
