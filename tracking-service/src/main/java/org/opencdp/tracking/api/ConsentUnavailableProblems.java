package org.opencdp.tracking.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.opencdp.consentdecisions.ConsentDecisions.ConsentUnavailable;
import org.opencdp.problem.ProblemResponses;
import org.opencdp.problem.ProblemType;
import org.opencdp.tracking.service.TrackingSettings;

/** Fail closed: without consent-service's decision nothing is stored, and the sender is told when to try again. */
public class ConsentUnavailableProblems {

    private static final Logger LOG = Logger.getLogger(ConsentUnavailableProblems.class);

    @Inject
    TrackingSettings settings;

    @ServerExceptionMapper
    public Response unavailable(ConsentUnavailable e, UriInfo uri) {
        LOG.warnf("Consent cannot be decided, batch refused with 503: %s", e.getMessage());
        long seconds = Math.max(1, settings.consentRetryAfter().toSeconds());
        Response response = ProblemResponses.of(
                ProblemType.SERVICE_UNAVAILABLE,
                "Consent cannot be decided right now, so nothing was stored. Send the batch again in " + seconds
                        + " s.",
                "/" + uri.getPath().replaceFirst("^/", ""));
        response.getHeaders().add(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return response;
    }
}
