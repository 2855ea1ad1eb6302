package org.opencdp.publicsites;

import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

/** A site-keyed public endpoint of the test application: answers the site the filter admitted, and counts calls. */
@Path("/api/v1/public/sites/{siteKey}/echo")
@SiteKeyed
@PermitAll
public class TestPublicEndpoint {

    static volatile int calls;

    @Inject
    RequestSite requestSite;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "testEcho")
    public Map<String, String> get() {
        calls++;
        return Map.of("site", requestSite.site().siteKey());
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "testEchoPost")
    public Map<String, String> post(String body) {
        calls++;
        return Map.of("site", requestSite.site().siteKey());
    }

    @OPTIONS
    @Operation(operationId = "testEchoPreflight")
    public Response preflight() {
        return requestSite.preflight();
    }
}
