package org.opencdp.caller;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** An endpoint of the test application that only the dpo may call: a role rule behind a remembered token. */
@Path("/test/dpo-only")
public class DpoOnlyResource {

    @GET
    @RolesAllowed(Roles.DPO)
    public String get() {
        return "dpo";
    }
}
