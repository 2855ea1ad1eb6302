package org.opencdp.profile.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.caller.Roles;
import org.opencdp.profile.service.CallerLookup;
import org.opencdp.ratelimits.BulkRead;

/**
 * Who is calling, for CTI pop-ups in agents' frontends (3CX asks through {@link ThreeCxLookupResource}). Thin: the
 * number goes to {@link CallerLookup} as given.
 */
@Path("/api/v1/caller-lookup")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Caller lookup", description = "Who is calling: customers by phone number, for CTI pop-ups")
public class CallerLookupResource {

    static final String CARD_EXAMPLE = """
            {"match":"UNIQUE","matchedNumber":"+49301234567","callers":[{
             "customerId":"0b6f1f7e-3c1a-4d2e-9f4b-6a8c2d1e5f70","kind":"PERSON","displayName":"Erika Mustermann",
             "company":"Musterbau GmbH","lastContact":"2026-11-26T14:03:00Z","lastContactChannel":"CALL",
             "openTickets":1,"doNotCallForMarketing":true,"phoneMarketing":"NOT_ALLOWED"}]}""";

    @Inject
    CallerLookup lookup;

    @GET
    @RolesAllowed({Roles.SALES, Roles.SERVICE})
    @BulkRead("search")
    @Operation(
            operationId = "lookUpCaller",
            summary = "Who is calling",
            description = "The customers with this phone number, in any notation a PBX sends (\"+49 30 1234567\", "
                    + "\"0049301234567\", \"030/1234567\", \"(030) 123 45 67\", \"301234567\"; without a country "
                    + "prefix it is read as German). An extension after a hyphen (\"030 1234567-12\") is tried as "
                    + "a direct dial first, then as the switchboard number. A number several customers share lists "
                    + "them all. Restricted customers are left out. Every customer shown is recorded as read. Roles: "
                    + "sales, service.")
    @APIResponse(
            responseCode = "200",
            description = "The caller cards, or match UNKNOWN",
            content =
                    @Content(
                            schema = @Schema(implementation = CallerLookupView.class),
                            examples = @ExampleObject(name = "one caller", value = CARD_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "No number, or not a phone number")
    public CallerLookupView lookUp(
            @Parameter(description = "The caller's number, as the PBX shows it", example = "030 1234567")
                    @QueryParam("number")
                    @NotBlank
                    @Size(max = 40)
                    String number) {
        return CallerLookupView.of(lookup.lookup(number, CallerLookup.Asker.caller("GET /api/v1/caller-lookup")));
    }
}
