package org.opencdp.caller;

import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

/** Tells a frontend who this service thinks the caller is, so it can show or hide what the roles allow. */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Caller", description = "Who the access token identifies")
public class MeResource {

    @Inject
    Caller caller;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @Schema(name = "Me")
    public record Me(
            @Schema(examples = "profile-service") String service,
            @Schema(examples = "sales") String name,
            @Schema(examples = "USER") Caller.Kind kind,
            @Schema(examples = "[\"sales\"]") Set<String> roles) {}

    @GET
    @Authenticated
    @Operation(
            operationId = "getMe",
            summary = "The caller as this service sees it",
            description = "Any valid access token. Returns the login (or service account) and its realm roles.")
    @APIResponse(
            responseCode = "200",
            description = "The caller",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Me.class),
                            examples =
                                    @ExampleObject(
                                            name = "sales user",
                                            value =
                                                    "{\"service\":\"profile-service\",\"name\":\"sales\",\"kind\":\"USER\",\"roles\":[\"sales\"]}")))
    public Me me() {
        return new Me(service, caller.name(), caller.kind(), caller.roles());
    }
}
