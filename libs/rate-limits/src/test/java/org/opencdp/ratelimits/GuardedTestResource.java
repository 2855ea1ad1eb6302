package org.opencdp.ratelimits;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Endpoints as a service declares them: a role rule and a bulk-read group. */
@Path("/test/guarded")
@Produces(MediaType.TEXT_PLAIN)
public class GuardedTestResource {

    @GET
    @RolesAllowed({"sales", "svc-retention"})
    @BulkRead("test-search")
    public String search() {
        return "page";
    }

    @GET
    @Path("/other")
    @RolesAllowed("sales")
    @BulkRead("test-search")
    public String sameGroup() {
        return "page";
    }

    @GET
    @Path("/unconfigured")
    @RolesAllowed("sales")
    @BulkRead("no-such-group")
    public String unconfigured() {
        return "page";
    }
}
