package org.opencdp.profile.api;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.profile.service.CallerLookup;
import org.opencdp.webhookauth.IntegrationKind;
import org.opencdp.webhookauth.RequestIntegration;
import org.opencdp.webhookauth.WebhookDoor;

/**
 * The caller lookup for 3CX's CRM template (integrations/3cx/opencdp-crm-template.xml): the same lookup as
 * {@link CallerLookupResource}, behind a THREECX integration's Basic credentials, in the JSON the template maps. Under
 * /api/v1/integrations/3cx, whose literal path wins over the admin endpoints' /api/v1/integrations/{name}.
 */
@Path("/api/v1/integrations/3cx")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Caller lookup", description = "Who is calling: customers by phone number, for CTI pop-ups")
@SecurityScheme(
        securitySchemeName = ThreeCxLookupResource.THREECX_BASIC,
        type = SecuritySchemeType.HTTP,
        scheme = "basic",
        description = "A THREECX integration's name and API key (admin: /api/v1/integrations)")
public class ThreeCxLookupResource {

    static final String THREECX_BASIC = "threecx-basic";

    static final String THREECX_EXAMPLE = """
            {"contacts":[{"contactId":"0b6f1f7e-3c1a-4d2e-9f4b-6a8c2d1e5f70","firstName":"Erika",
             "lastName":"Mustermann","companyName":"Musterbau GmbH","email":"erika.mustermann@example.de",
             "phoneBusiness":"+49301234567","phoneMobile":"","contactUrl":
             "https://crm.example.com/customers/0b6f1f7e-3c1a-4d2e-9f4b-6a8c2d1e5f70","doNotCallForMarketing":true,
             "openTickets":1}]}""";

    @Inject
    CallerLookup lookup;

    @Inject
    RequestIntegration integration;

    @ConfigProperty(name = "opencdp.profile.caller-lookup.contact-url")
    String contactUrl;

    @GET
    @Path("/lookup")
    @WebhookDoor(IntegrationKind.THREECX)
    // Public on purpose: 3CX has no token; the webhook door checks the integration's Basic credentials first.
    @PermitAll
    @SecurityRequirement(name = THREECX_BASIC)
    @Operation(
            operationId = "lookUpCallerFor3cx",
            summary = "Who is calling, for 3CX's CRM template",
            description = "The same lookup as /api/v1/caller-lookup, in the JSON integrations/3cx/"
                    + "opencdp-crm-template.xml maps; authenticated with a THREECX integration's name and API key as "
                    + "Basic credentials. No match is an empty list.")
    @APIResponse(
            responseCode = "200",
            description = "One contact per matching customer",
            content =
                    @Content(
                            schema = @Schema(implementation = ThreeCxLookupView.class),
                            examples = @ExampleObject(name = "one caller", value = THREECX_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "No number, or not a phone number")
    @APIResponse(responseCode = "401", description = "Missing or wrong Basic credentials")
    public ThreeCxLookupView lookUpFor3cx(
            @Parameter(description = "The caller's number as 3CX's template formats it", example = "0049301234567")
                    @QueryParam("number")
                    @NotBlank
                    @Size(max = 40)
                    String number) {
        return ThreeCxLookupView.of(
                lookup.lookup(
                        number,
                        CallerLookup.Asker.integration(integration.actor(), "GET /api/v1/integrations/3cx/lookup")),
                contactUrl);
    }
}
