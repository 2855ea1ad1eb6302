package org.opencdp.subjectrights;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The activity check of the retention category {@code inactive-customer-profile}: profile-service asks each service
 * that holds signs of a customer's activity (behaviour-service: orders and carts; tracking-service: events of
 * identified visitors) which of a page of candidates had any since the cutoff, and erases only those no service names.
 * Each of those services implements it in a resource of its own that allows profile-service's account
 * ({@code svc-profile}) only; profile-service calls it through libs/service-calls with its own token.
 */
@Path("/api/v1/subjects/activity")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Subject activity",
        description = "Which subjects were active since a moment, for the retention of inactive customer profiles;"
                + " called by profile-service only")
@SecurityRequirement(name = "keycloak")
public interface SubjectActivityApi {

    @POST
    @Operation(
            operationId = "activeSubjects",
            summary = "Which of these subjects had activity since a moment",
            description = "Answers the subset of the subject ids (at most 1000) that had activity in this service at"
                    + " or after since; unknown ids are simply not in the answer. profile-service asks this for each"
                    + " page of customers whose profile and timeline show no activity since the retention cutoff, and"
                    + " erases none of those named here. Reads no personal data beyond the times of activity; answers"
                    + " ids only. Role: svc-profile.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = SubjectActivityQuery.class),
                            examples = @ExampleObject(name = "one page of candidates", value = """
                    {"subjectIds":["7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c","0b6c3f2e-8d1a-4c5b-9e7f-2a3b4c5d6e7f"],
                     "since":"2024-01-01T00:00:00Z"}""")))
    @APIResponse(
            responseCode = "200",
            description = "The active subjects among those asked about",
            content =
                    @Content(
                            schema = @Schema(implementation = ActiveSubjects.class),
                            examples = @ExampleObject(name = "one was active", value = """
                    {"activeSubjectIds":["7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c"]}""")))
    ActiveSubjects activeSince(@NotNull @Valid SubjectActivityQuery query);
}
