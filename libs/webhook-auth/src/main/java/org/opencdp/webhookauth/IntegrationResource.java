package org.opencdp.webhookauth;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.caller.Roles;
import org.opencdp.problem.ProblemException;

/** The integrations that call the service without a token, and their secrets. Admin only. */
@Path("/api/v1/integrations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Integrations", description = "Telephony and ticket systems that call webhooks without a token")
public class IntegrationResource {

    static final String INPUT_EXAMPLE = """
            {"name":"zammad-support","kind":"ZAMMAD"}""";
    static final String CREATED_EXAMPLE = """
            {"name":"zammad-support","kind":"ZAMMAD","createdAt":"2026-11-27T09:00:00Z",
             "secret":"ocdp_q3N0c2VjcmV0LWV4YW1wbGUtbm90LXJlYWwtMDAwMDAwMA"}""";
    static final String VIEW_EXAMPLE = """
            {"name":"zammad-support","kind":"ZAMMAD","createdAt":"2026-11-27T09:00:00Z"}""";
    static final String ROTATION_EXAMPLE = """
            {"previousValidUntil":"2026-11-28T09:00:00Z"}""";

    @Inject
    Integrations integrations;

    public record IntegrationInput(
            @NotNull
            @Size(max = 63)
            @Schema(
                    description = "A lowercase letter, then 2 to 63 lowercase letters, digits or -: the integration's "
                            + "name in its webhook URLs, or its Basic user name (3CX)",
                    examples = "zammad-support")
            String name,

            @NotNull @Schema(description = "The signing scheme the integration uses")
            IntegrationKind kind,

            @Size(max = 10000)
            @Schema(
                    description = "Only for SIPGATE: the RSA public key sipgate signs its pushes with, in PEM "
                            + "(-----BEGIN PUBLIC KEY-----)")
            String publicKeyPem) {}

    public record RotationInput(
            @NotNull
            @Schema(
                    description = "Until when the secrets valid now stay valid beside the new one: from now (switch at "
                            + "once) to 30 days ahead",
                    examples = "2026-11-28T09:00:00Z")
            Instant previousValidUntil,

            @Size(max = 10000) @Schema(description = "Only for SIPGATE: the new public key, in PEM")
            String publicKeyPem) {}

    public record IntegrationView(
            String name,
            IntegrationKind kind,
            Instant createdAt,

            @Schema(nullable = true, description = "Set once revoked: its requests are refused")
            Instant revokedAt,

            @Schema(
                    nullable = true,
                    description = "Only in the answer to a registration or rotation, and only for the kinds whose "
                            + "secret the service generates: the new secret in clear. It is shown this once; keep it "
                            + "in the sending system's configuration.")
            String secret) {

        static IntegrationView of(Integration integration, String secret) {
            return new IntegrationView(
                    integration.name(), integration.kind(), integration.createdAt(), integration.revokedAt(), secret);
        }
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "createIntegration",
            summary = "Register an integration",
            description = "A generated secret (shown once in the answer) for GENERIC_HMAC, ZAMMAD and THREECX; the "
                    + "given public key for SIPGATE. Roles: admin.")
    @RequestBody(required = true, content = @Content(examples = @ExampleObject(name = "zammad", value = INPUT_EXAMPLE)))
    @APIResponse(
            responseCode = "201",
            description = "Registered, with its secret; Location names it",
            content =
                    @Content(
                            schema = @Schema(implementation = IntegrationView.class),
                            examples = @ExampleObject(name = "zammad", value = CREATED_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "An integration with this name exists already")
    public Response create(@Valid IntegrationInput input) {
        if (input == null) {
            throw ProblemException.badRequest("A body is required.");
        }
        Integrations.WithSecret created = integrations.register(input.name(), input.kind(), input.publicKeyPem());
        return Response.created(URI.create(
                        "/api/v1/integrations/" + created.integration().name()))
                .entity(IntegrationView.of(created.integration(), created.secret()))
                .build();
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "listIntegrations",
            summary = "List the integrations",
            description = "Never their secrets. Roles: admin.")
    @APIResponse(
            responseCode = "200",
            description = "All integrations, by name",
            content = @Content(examples = @ExampleObject(name = "one", value = "[" + VIEW_EXAMPLE + "]")))
    public List<IntegrationView> list() {
        return integrations.list().stream()
                .map(i -> IntegrationView.of(i, null))
                .toList();
    }

    @GET
    @Path("/{name}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "getIntegration", summary = "Get an integration", description = "Roles: admin.")
    @APIResponse(
            responseCode = "200",
            description = "The integration, without its secret",
            content =
                    @Content(
                            schema = @Schema(implementation = IntegrationView.class),
                            examples = @ExampleObject(name = "zammad", value = VIEW_EXAMPLE)))
    public IntegrationView get(@Parameter(example = "zammad-support") @PathParam("name") String name) {
        return IntegrationView.of(integrations.get(name), null);
    }

    @POST
    @Path("/{name}/secrets")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "rotateIntegrationSecret",
            summary = "Rotate an integration's secret with an overlap",
            description = "Adds a new secret (shown once; for SIPGATE the given public key); the secrets valid now "
                    + "stay valid until previousValidUntil, then only the new one is. Roles: admin.")
    @RequestBody(
            required = true,
            content = @Content(examples = @ExampleObject(name = "one day overlap", value = ROTATION_EXAMPLE)))
    @APIResponse(
            responseCode = "200",
            description = "The integration with its new secret",
            content =
                    @Content(
                            schema = @Schema(implementation = IntegrationView.class),
                            examples = @ExampleObject(name = "zammad", value = CREATED_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The integration is revoked")
    public IntegrationView rotate(
            @Parameter(example = "zammad-support") @PathParam("name") String name, @Valid RotationInput input) {
        if (input == null) {
            throw ProblemException.badRequest("A body is required.");
        }
        Integrations.WithSecret rotated = integrations.rotate(name, input.previousValidUntil(), input.publicKeyPem());
        return IntegrationView.of(rotated.integration(), rotated.secret());
    }

    @DELETE
    @Path("/{name}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "revokeIntegration",
            summary = "Revoke an integration",
            description = "Its secrets are destroyed and its requests refused (401) from then on; it stays listed, "
                    + "and its name stays taken. Roles: admin.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "409", description = "The integration is revoked already")
    public void revoke(@Parameter(example = "zammad-support") @PathParam("name") String name) {
        integrations.revoke(name);
    }
}
