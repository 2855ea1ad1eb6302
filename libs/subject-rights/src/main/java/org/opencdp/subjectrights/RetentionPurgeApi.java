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
 * The retention purge contract: the same endpoint in every service. retention-service (realm role
 * {@code svc-retention}) sends every retention policy; each service deletes (or counts, in a dry run) what has
 * expired in the categories it holds and reports the counts. The server side is {@link RetentionPurgeResource}.
 */
@Path("/api/v1/retention/purge")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Retention purge",
        description = "Deletes what has expired under the retention policies; called by " + "retention-service only")
// The role rule is on RetentionPurgeResource, where the document generator does not see it.
@SecurityRequirement(name = "keycloak")
public interface RetentionPurgeApi {

    @POST
    @Operation(
            operationId = "purgeExpiredRecords",
            summary = "Delete the records whose retention period has ended",
            description = "A record expires when its start plus the policy's period (with roundToEndOfYear: the end "
                    + "of that calendar year) is before asOf. Deletes in batches; a dry run only counts. A repeated "
                    + "runId answers the stored report of that run and deletes nothing more. Categories this service "
                    + "does not hold are listed as notHeld.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = RetentionPurgeRequest.class),
                            examples = @ExampleObject(name = "dry run", value = """
                    {"runId":"0b6c3f2e-8d1a-4c5b-9e7f-2a3b4c5d6e7f","dryRun":true,"asOf":"2027-03-01T00:00:00Z",
                    "policies":[{"category":"tracking-raw-events","version":2,"period":"P13M",
                    "startEvent":"event recorded","roundToEndOfYear":false},{"category":"booking-vouchers","version":1,
                    "period":"P8Y","startEvent":"end of the booking year","roundToEndOfYear":true}]}""")))
    @APIResponse(
            responseCode = "200",
            description = "The run's report",
            content =
                    @Content(
                            schema = @Schema(implementation = RetentionPurgeReport.class),
                            examples = @ExampleObject(name = "dry run", value = """
                    {"service":"tracking-service","runId":"0b6c3f2e-8d1a-4c5b-9e7f-2a3b4c5d6e7f","dryRun":true,
                    "asOf":"2027-03-01T00:00:00Z","categories":[{"category":"tracking-raw-events","policyVersion":2,
                    "expired":1200,"deleted":0,"skipped":0}],"notHeld":["booking-vouchers"]}""")))
    RetentionPurgeReport purge(@NotNull @Valid RetentionPurgeRequest request);
}
