package org.opencdp.audit;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.caller.Roles;
import org.opencdp.problem.Problem;
import org.opencdp.problem.ProblemException;
import org.opencdp.requestparameters.RequestParameters;

/** The DPO's view of a subject's audit trail in this service. Reading it is itself recorded. */
@Path("/api/v1/audit/subjects/{subjectId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit trail", description = "Who read or changed a subject's personal data in this service, and why")
public class AuditResource {

    static final String READ_ACTION = "audit-trail.read";
    static final String READ_PURPOSE = "GET /api/v1/audit/subjects/{subjectId}";
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    @Inject
    AuditTrailReader reader;

    @Inject
    AuditTrail trail;

    @GET
    @RolesAllowed(Roles.DPO)
    // The extension: an unknown subject has an empty trail, not none (libs/openapi's ProblemResponsesFilter reads it).
    @Operation(
            operationId = "getAuditTrail",
            extensions = @Extension(name = "x-opencdp-never-404", value = "true"),
            summary = "Read a subject's audit trail",
            description = "Every read or change of the subject's personal data in this service: who (a person's login "
                    + "or a service account), what, why and when, oldest first and paged with `after`. The entries are "
                    + "chained with a keyed hash (HMAC, key outside the database); `chainIntact` is false when an "
                    + "entry of the subject's chain was changed, removed or rewritten, and `firstBrokenEntryId` names "
                    + "the first entry that no longer verifies. `unkeyedEntries` counts legacy entries from before the "
                    + "chain was keyed. This read is "
                    + "recorded too (action `audit-trail.read`) and shows up in the next read. Roles: dpo.")
    @APIResponse(
            responseCode = "200",
            description = "One page of the trail",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AuditTrailPage.class),
                            examples = {
                                @ExampleObject(name = "intact", value = AuditExamples.INTACT_PAGE),
                                @ExampleObject(name = "tampered", value = AuditExamples.BROKEN_PAGE)
                            }))
    @APIResponse(
            responseCode = "400",
            description = "subjectId is not a UUID, or after or limit is invalid",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples =
                                    @ExampleObject(name = "limit over the cap", value = AuditExamples.LIMIT_PROBLEM)))
    public AuditTrailPage trail(
            @Parameter(
                            description = "The subject id",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"),
                            example = AuditExamples.SUBJECT_ID)
                    @PathParam("subjectId")
                    String subjectId,
            @Parameter(description = "The previous page's `next`; absent for the first page", example = "4711")
                    @QueryParam("after")
                    String after,
            @Parameter(
                            description = "Page size, 1 to " + MAX_LIMIT + "; default " + DEFAULT_LIMIT,
                            example = "50",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "" + MAX_LIMIT))
                    @QueryParam("limit")
                    String limit) {
        UUID subject = RequestParameters.uuid("subjectId", subjectId);
        Long cursor = entryCursor(after);
        int size = RequestParameters.pageSize("limit", limit, DEFAULT_LIMIT, MAX_LIMIT);
        AuditTrailPage page = reader.page(subject, cursor, size);
        // Recorded after the page was read, so this read is never part of its own answer.
        trail.record(subject, READ_ACTION, READ_PURPOSE);
        return page;
    }

    private static Long entryCursor(String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(after.strip());
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalidField("after", "is not a cursor this API returned; start again without it");
    }
}
