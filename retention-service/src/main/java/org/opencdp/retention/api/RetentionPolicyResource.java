package org.opencdp.retention.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.caller.Roles;
import org.opencdp.problem.ProblemException;
import org.opencdp.retention.service.RetentionPolicies;

/** The retention policies: the dpo edits them, the dpo and admins read them. */
@Path("/api/v1/retention-policies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Retention policies", description = "How long each data category is kept, after which event, and why")
public class RetentionPolicyResource {

    private static final String CATEGORY_EXAMPLE = "booking-vouchers";
    private static final String POLICY_EXAMPLE = """
            {"category":"booking-vouchers","description":"Orders, invoices and other booking vouchers (Buchungsbelege)",
             "version":1,"period":"P8Y","startEvent":"the end of the calendar year of the booking (order, invoice)",
             "roundToEndOfYear":true,"legalReference":"AO §147(1) Nr. 4, (3) and (4); HGB §257(1) Nr. 4, (4) and (5)",
             "reviewWithLegalCounsel":true,"reviewNote":"Eight years for booking vouchers since 2025",
             "changedBy":"system:shipped-defaults","changedAt":"2026-11-27T00:00:00Z"}""";

    @Inject
    RetentionPolicies policies;

    @GET
    @RolesAllowed({Roles.DPO, Roles.ADMIN})
    @Operation(
            operationId = "listRetentionPolicies",
            summary = "The retention policy in force of every data category",
            description =
                    "One entry per category, by category id: the newest version of its policy. Roles: dpo, " + "admin.")
    @APIResponse(
            responseCode = "200",
            description = "The policies in force",
            content =
                    @Content(
                            schema = @Schema(implementation = PolicyView[].class),
                            examples = @ExampleObject(name = "policies", value = "[" + POLICY_EXAMPLE + "]")))
    public List<PolicyView> list() {
        return policies.current().stream().map(PolicyView::of).toList();
    }

    @GET
    @Path("/{category}")
    @RolesAllowed({Roles.DPO, Roles.ADMIN})
    @Operation(
            operationId = "getRetentionPolicy",
            summary = "A category's policy in force, with every version it had",
            description = "The ETag is the version in force; send it in If-Match to change the policy. Roles: dpo, "
                    + "admin.")
    @APIResponse(
            responseCode = "200",
            description = "The policy with its versions, newest first",
            headers =
                    @Header(
                            name = HttpHeaders.ETAG,
                            description = "The version in force, e.g. \"2\"",
                            schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            schema = @Schema(implementation = PolicyView.class),
                            examples = @ExampleObject(name = "policy", value = POLICY_EXAMPLE)))
    public Response get(@Parameter(example = CATEGORY_EXAMPLE) @PathParam("category") String category) {
        PolicyView view = PolicyView.of(policies.history(category));
        return Response.ok(view).tag(etag(view.version())).build();
    }

    @PUT
    @Path("/{category}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DPO)
    @Operation(
            operationId = "putRetentionPolicy",
            summary = "Put a new version of a category's policy",
            description = "Appends a version; the earlier ones stay readable. The next purge run applies it. Requires "
                    + "If-Match with the version read (412 when it changed meanwhile, 428 without). A period of zero or "
                    + "less is a 400. Roles: dpo.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = PolicyInput.class),
                            examples = @ExampleObject(name = "ten years", value = """
                    {"period":"P10Y","startEvent":"the end of the calendar year of the booking","roundToEndOfYear":true,
                     "legalReference":"AO §147(1) Nr. 4, (3); HGB §257(1) Nr. 4, (4)","reviewWithLegalCounsel":false,
                     "reviewNote":"Confirmed by counsel on 2026-11-20"}""")))
    @APIResponse(
            responseCode = "200",
            description = "The new version, now in force",
            headers =
                    @Header(
                            name = HttpHeaders.ETAG,
                            description = "The new version",
                            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = PolicyView.class)))
    public Response put(
            @Parameter(example = CATEGORY_EXAMPLE) @PathParam("category") String category,
            @Parameter(description = "The policy's ETag as read, e.g. \"1\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid PolicyInput input) {
        if (input == null) {
            throw ProblemException.badRequest("The request needs a body.");
        }
        var change = input.toChange();
        PolicyView view = PolicyView.of(policies.change(category, requiredVersion(ifMatch), change));
        return Response.ok(view).tag(etag(view.version())).build();
    }

    private static EntityTag etag(int version) {
        return new EntityTag(Integer.toString(version));
    }

    /** The version an If-Match header names: 428 when it is missing, 412 when it names no version. */
    private static int requiredVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired(
                    "Send the policy's current ETag in an If-Match header, so concurrent changes are not lost.");
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        try {
            if (tag.length() < 3 || !tag.startsWith("\"") || !tag.endsWith("\"")) {
                throw new NumberFormatException();
            }
            return Integer.parseInt(tag.substring(1, tag.length() - 1));
        } catch (NumberFormatException e) {
            throw ProblemException.preconditionFailed("If-Match must be the ETag of the policy, e.g. \"1\".");
        }
    }
}
