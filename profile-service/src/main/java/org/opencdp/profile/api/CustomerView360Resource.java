package org.opencdp.profile.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.caller.Roles;
import org.opencdp.problem.Problem;
import org.opencdp.profile.domain.CustomerOverview;
import org.opencdp.profile.domain.ProfileAccess;
import org.opencdp.profile.service.CustomerOverviews;
import org.opencdp.profile.service.MarketingConsent;
import org.opencdp.requestparameters.RequestParameters;

/** The 360° view: everything about a customer at a glance, assembled from all services. */
@Path("/api/v1/customers/{id}/360")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
public class CustomerView360Resource {

    @Inject
    CustomerOverviews overviews;

    @Inject
    CustomerViews views;

    @Inject
    MarketingConsent marketingConsent;

    @GET
    // Not the analyst: analysts see aggregates only, never a single customer (least privilege, docs/security.md).
    @RolesAllowed({Roles.SALES, Roles.SERVICE, Roles.MARKETING})
    @Operation(
            operationId = "getCustomerView360",
            summary = "A customer at a glance (360° view)",
            description = "Master data (as getCustomer shows it to the caller's role), consents (consent-service's "
                    + "current decisions), purchase KPIs with RFM segment and CLV (behaviour-service), a web-visit "
                    + "summary (tracking-service, only where the subject allows `personalisation`: analytics consent "
                    + "does not cover showing browsing to an agent), the newest timeline entries, open follow-ups and "
                    + "the newest feedback answer. The other services are asked in parallel with the caller's own "
                    + "token, so each applies its own role rules. A part whose service is slow, down, failing or "
                    + "refusing comes back as a marker instead of the data, never as an error: "
                    + "`{\"unavailable\": \"behaviour-service timed out\"}` (also `... is unavailable`, `... circuit "
                    + "open`, `... is busy`), `{\"notPermitted\": true}` (the service refused the caller's role, 403), "
                    + "`{\"notConsented\": \"...\"}` (web visits without a personalisation consent), `{\"noData\": "
                    + "\"...\"}` (404 there, e.g. no orders yet). Roles: sales sees everything; service everything "
                    + "but revenue (of the KPIs the RFM scores and segment alone, as behaviour-service answers a "
                    + "service agent); marketing, like getCustomer, only customers with a direct-marketing consent in "
                    + "force (403 without, 503 when consent-service cannot say), no KPIs (behaviour-service refuses "
                    + "marketing a single customer's KPIs: `notPermitted`), the timeline without its content, no "
                    + "follow-ups, feedback without comments. A "
                    + "restricted customer (GDPR Art. 18) answers `{\"id\": ..., \"restricted\": true}` and nothing "
                    + "else. The view is one read in the audit trail.")
    @APIResponse(
            responseCode = "200",
            description = "The view; missing remote parts are markers",
            content =
                    @Content(
                            schema = @Schema(implementation = CustomerView360.class),
                            examples = {
                                @ExampleObject(name = "as sales, all services up", value = View360Examples.AS_SALES),
                                @ExampleObject(
                                        name = "consent- and behaviour-service down",
                                        value = View360Examples.DEGRADED),
                                @ExampleObject(
                                        name = "as service (the segment, no revenue), no personalisation consent",
                                        value = View360Examples.AS_SERVICE_WITHOUT_CONSENT),
                                @ExampleObject(name = "restricted", value = View360Examples.RESTRICTED)
                            }))
    @APIResponse(responseCode = "404", description = "No such customer")
    @APIResponse(
            responseCode = "503",
            description = "Marketing only: consent-service does not answer, so the direct-marketing consent cannot be "
                    + "checked",
            headers =
                    @Header(
                            name = "Retry-After",
                            description = "Seconds to wait",
                            schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public CustomerView360 get(@Parameter(example = CustomerExamples.ID) @PathParam("id") String id) {
        UUID customerId = RequestParameters.uuid("id", id);
        ProfileAccess access = views.access();
        if (access == ProfileAccess.MARKETING) {
            marketingConsent.require(customerId);
        }
        CustomerOverview overview = overviews.of(customerId, access);
        // The access read above, not the roles again: nothing of the request's caller is read once the other
        // services were asked (CustomerOverviews.of says why).
        return CustomerView360.of(overview, overview.restricted() ? null : views.of(overview.customer(), access));
    }
}
