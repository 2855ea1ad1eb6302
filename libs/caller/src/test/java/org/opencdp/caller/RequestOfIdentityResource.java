package org.opencdp.caller;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/**
 * An endpoint of the test application that answers with a header of the HTTP request its caller's identity is bound
 * to: a remembered identity must be bound to the current request, not to the one its token was first verified with.
 */
@Path("/test/request-of-identity")
public class RequestOfIdentityResource {

    static final String PROBE = "X-Probe";

    @Inject
    SecurityIdentity identity;

    @GET
    @Authenticated
    public String get() {
        RoutingContext request = identity.getAttribute(RoutingContext.class.getName());
        return request == null ? "none" : request.request().getHeader(PROBE);
    }
}
