package org.opencdp.retention.api;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import org.opencdp.requestparameters.RequestParameters;
import org.opencdp.retention.service.PurgeRuns;

/** Purge runs, for the dpo: start one (a dry run previews), retry the silent services of a partial one, read reports. */
@Path("/api/v1/purge-runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Purge runs", description = "Every service deletes what its retention policies say has expired")
@RolesAllowed(Roles.DPO)
public class PurgeRunResource {

    private static final String ID_EXAMPLE = "5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f";
    private static final String RUN_EXAMPLE = """
            {"id":"5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f","dryRun":true,"asOf":"2027-03-01T00:00:00Z",
             "startedBy":"dpo","startedAt":"2026-11-27T09:00:00Z","outcome":"PARTIAL",
             "finishedAt":"2026-11-27T09:00:04Z",
             "policies":[{"category":"tracking-raw-events","version":1,"period":"P13M","startEvent":"the event was recorded",
                          "roundToEndOfYear":false}],
             "services":[{"participant":"tracking","status":"ANSWERED","attempts":1,
                          "report":{"service":"tracking-service","runId":"5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f",
                                    "dryRun":true,"asOf":"2027-03-01T00:00:00Z",
                                    "categories":[{"category":"tracking-raw-events","policyVersion":1,"expired":1200,
                                                   "deleted":0,"skipped":0}],"notHeld":["booking-vouchers"]},
                          "answeredAt":"2026-11-27T09:00:02Z"},
                         {"participant":"behaviour","status":"FAILED","attempts":1,"lastError":"answered HTTP 503"}]}""";

    @Inject
    PurgeRuns runs;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "startPurgeRun",
            summary = "Start a purge run now",
            description = "Sends every retention policy in force to every participating service; each deletes (in a "
                    + "dry run: counts) what has expired by asOf and reports per category. A service that does not "
                    + "answer makes the run PARTIAL; it is asked again by the retry and by the daily schedule, with "
                    + "the same run id, so nothing is deleted twice. Roles: dpo.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = PurgeRunInput.class),
                            examples = @ExampleObject(name = "preview of March 2027", value = """
                    {"dryRun":true,"asOf":"2027-03-01T00:00:00Z"}""")))
    @APIResponse(
            responseCode = "201",
            description = "The run with every service's report",
            content =
                    @Content(
                            schema = @Schema(implementation = PurgeRunView.class),
                            examples = @ExampleObject(name = "partial dry run", value = RUN_EXAMPLE)))
    public Response start(@Valid PurgeRunInput input) {
        if (input == null) {
            throw ProblemException.badRequest("The request needs a body.");
        }
        PurgeRunView run = PurgeRunView.of(runs.start(input.dryRun(), input.asOf()));
        return Response.created(URI.create("/api/v1/purge-runs/" + run.id()))
                .entity(run)
                .build();
    }

    @GET
    @Operation(
            operationId = "listPurgeRuns",
            summary = "The purge runs, newest first",
            description = "Without the policies and the services' reports: read one run for those. Roles: dpo.")
    @APIResponse(
            responseCode = "200",
            description = "At most limit runs",
            content = @Content(schema = @Schema(implementation = PurgeRunView[].class)))
    public List<PurgeRunView> list(
            @Parameter(description = "1 to 200", example = "50") @QueryParam("limit") String limit) {
        int size = RequestParameters.pageSize("limit", limit, 50, 200);
        return runs.list(size).stream().map(PurgeRunView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getPurgeRun",
            summary = "A purge run's report",
            description =
                    "The policies sent and, per service, its report (per category expired, deleted and the policy "
                            + "version; the categories it does not hold) or why it has not answered. Roles: dpo.")
    @APIResponse(
            responseCode = "200",
            description = "The run",
            content =
                    @Content(
                            schema = @Schema(implementation = PurgeRunView.class),
                            examples = @ExampleObject(name = "partial dry run", value = RUN_EXAMPLE)))
    public PurgeRunView get(@Parameter(example = ID_EXAMPLE) @PathParam("id") String id) {
        return PurgeRunView.of(runs.details(RequestParameters.uuid("id", id)));
    }

    @POST
    @Path("/{id}/retry")
    @Operation(
            operationId = "retryPurgeRun",
            summary = "Ask the services that did not answer a partial run again",
            description = "With the run's own id, cutoff and policies; a service that answered before is not asked "
                    + "again. Roles: dpo.")
    @APIResponse(
            responseCode = "200",
            description = "The run after the retry",
            content = @Content(schema = @Schema(implementation = PurgeRunView.class)))
    @APIResponse(responseCode = "409", description = "The run is complete or still running")
    public PurgeRunView retry(@Parameter(example = ID_EXAMPLE) @PathParam("id") String id) {
        return PurgeRunView.of(runs.retry(RequestParameters.uuid("id", id)));
    }
}
