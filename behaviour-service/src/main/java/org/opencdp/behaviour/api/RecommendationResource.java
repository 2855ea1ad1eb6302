package org.opencdp.behaviour.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import org.opencdp.behaviour.service.Recommendations;
import org.opencdp.caller.Roles;
import org.opencdp.requestparameters.RequestParameters;

/** Cross-selling: personal with consent for personalisation, otherwise the bestsellers. */
@Path("/api/v1/customers/{subjectId}/recommendations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recommendations", description = "Products bought together, or bestsellers")
public class RecommendationResource {

    static final String EXAMPLE = """
            {"kind":"PERSONAL","reason":"CONSENT_GIVEN","products":[{"sku":"SKU-0815","score":42},
             {"sku":"SKU-1234","score":17}]}""";

    @Inject
    Recommendations recommendations;

    @GET
    @RolesAllowed({Roles.MARKETING, Roles.SVC_SHOP})
    @Operation(
            operationId = "getRecommendations",
            summary = "Products to recommend to a customer",
            description = "With consent for personalisation (asked of consent-service on every request): products "
                    + "frequently bought together with what the customer bought, which they have not bought yet "
                    + "(`kind` PERSONAL; score: orders holding both). Otherwise, when the customer's processing is "
                    + "restricted, or when consent-service cannot be asked: the shop's bestsellers, the same for "
                    + "everyone (`kind` BESTSELLERS; score: customers who bought it); `reason` says why. "
                    + "Roles: marketing, svc-shop.")
    @APIResponse(
            responseCode = "200",
            description = "The list and which kind it is",
            content =
                    @Content(
                            schema = @Schema(implementation = Recommendations.Recommended.class),
                            examples = @ExampleObject(name = "personal", value = EXAMPLE)))
    public Recommendations.Recommended forCustomer(
            @Parameter(example = "7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c") @PathParam("subjectId") String subjectId,
            @Parameter(description = "1 to 50, default 10") @QueryParam("size") String size) {
        return recommendations.forSubject(
                RequestParameters.uuid("subjectId", subjectId), RequestParameters.pageSize("size", size, 10, 50));
    }
}
