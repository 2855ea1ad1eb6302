package org.opencdp.profile.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.opencdp.problem.ProblemResponses;
import org.opencdp.problem.ProblemType;
import org.opencdp.profile.service.ConsentUnavailableException;

/** Marketing's single read while consent-service cannot answer: 503 with a time to try again. */
public class ConsentProblems {

    static final String RETRY_AFTER_SECONDS = "30";

    @ServerExceptionMapper
    public Response unavailable(ConsentUnavailableException e, UriInfo uri) {
        Response response = ProblemResponses.of(
                ProblemType.SERVICE_UNAVAILABLE,
                "Whether marketing may see this customer cannot be checked right now (consent-service does not "
                        + "answer). Try again later.",
                "/" + uri.getPath().replaceFirst("^/", ""));
        response.getHeaders().add(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return response;
    }
}
