package org.opencdp.tracking.api;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.caller.Roles;
import org.opencdp.openapi.ProblemResponsesFilter;
import org.opencdp.requestparameters.RequestParameters;
import org.opencdp.tracking.domain.WebActivity;
import org.opencdp.tracking.service.SubjectWebActivity;

/** A subject's web activity in brief, for the 360° view. */
@Path("/api/v1/subjects/{subjectId}/web-activity")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subjects", description = "A subject's web activity for the 360° view")
public class SubjectActivityResource {

    @Inject
    SubjectWebActivity activity;

    public record WebActivityView(
            @Schema(description = "Time of the last event; absent without any", examples = "2026-11-26T14:04:02.731Z")
            Instant lastVisit,

            @Schema(description = "Sessions (README, \"Analytics\")", examples = "7")
            long visits,

            List<WebActivity.PageViews> topPages) {}

    @GET
    @RolesAllowed({Roles.SALES, Roles.SERVICE})
    @Operation(
            operationId = "subjectWebActivity",
            summary = "A subject's web activity",
            description = "Last visit, number of visits and the five most viewed pages, from the subject's own "
                    + "events and those of the visitors linked to it; what was collected with consent only. A "
                    + "subject without events gets an empty summary. The read is in the audit trail. Roles: sales, "
                    + "service.",
            extensions = @Extension(name = ProblemResponsesFilter.NEVER_NOT_FOUND, value = "true"))
    @APIResponse(
            responseCode = "200",
            description = "The summary",
            content = @Content(examples = @ExampleObject(name = "active", value = """
                    {"lastVisit":"2026-11-26T14:04:02.731Z","visits":7,
                     "topPages":[{"url":"https://shop.example/tents","views":9}]}""")))
    @APIResponse(responseCode = "409", description = "Processing of the subject is restricted (GDPR Art. 18)")
    public WebActivityView get(
            @Parameter(example = "7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c") @PathParam("subjectId") String subjectId) {
        WebActivity found = activity.of(RequestParameters.uuid("subjectId", subjectId));
        return new WebActivityView(found.lastVisit(), found.visits(), found.topPages());
    }
}
