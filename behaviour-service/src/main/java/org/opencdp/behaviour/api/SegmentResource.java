package org.opencdp.behaviour.api;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.opencdp.behaviour.domain.segment.Criterion;
import org.opencdp.behaviour.domain.segment.Segment;
import org.opencdp.behaviour.service.Segments;
import org.opencdp.caller.Caller;
import org.opencdp.caller.Roles;
import org.opencdp.ratelimits.BulkRead;
import org.opencdp.requestparameters.RequestParameters;

/** Saved segments for marketing: definitions, membership, exports of subject ids for a purpose. */
@Path("/api/v1/segments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Segments", description = "Saved segments of customers, exported as subject ids with consent")
public class SegmentResource {

    static final String INPUT = """
            {"name":"champions in Munich and around","criteria":[
              {"type":"rfmSegment","in":["champions"]},
              {"type":"postcodeRegion","from":"80","to":"87"}]}""";
    static final String VIEW = """
            {"id":"01936f3e-8d2a-7b4c-9e1f-2a3b4c5d6e71","name":"champions in Munich and around","criteria":[
              {"type":"rfmSegment","in":["champions"]},{"type":"postcodeRegion","from":"80","to":"87"}],
             "createdBy":"mia","createdAt":"2026-11-26T09:00:00Z","refreshedAt":"2026-11-26T09:00:00Z","members":412}""";
    static final String EXPORT = """
            {"purpose":"newsletter","subjectIds":["7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c"],"leftOut":3}""";

    @Inject
    Segments segments;

    @Inject
    Caller caller;

    @Schema(name = "SegmentInput")
    public record SegmentInput(
            @Schema(examples = "champions in Munich and around")
            String name,

            @Schema(
                    description = "All must hold. Kinds: ageBand {in}, country {in}, postcodeRegion {from, to}, "
                            + "boughtCategory {category, withinDays}, revenueAbove {amount}, rfmSegment {in}, "
                            + "clvTier {in: LOW, MEDIUM, HIGH}")
            List<Criterion> criteria) {}

    @Schema(name = "SegmentExport")
    public record ExportView(
            String purpose,
            List<UUID> subjectIds,

            @Schema(description = "Members on this page left out: no consent for the purpose, or objected")
            int leftOut,

            String next) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MARKETING)
    @Operation(
            operationId = "createSegment",
            summary = "Save a segment",
            description = "Criteria from a small typed language (see the schema), compiled to SQL with bind "
                    + "parameters; the members are computed at once and refreshed nightly. Roles: marketing.")
    @RequestBody(
            required = true,
            content = @Content(examples = @ExampleObject(name = "champions 80-87", value = INPUT)))
    @APIResponse(
            responseCode = "201",
            description = "Saved, with its member count",
            content =
                    @Content(
                            schema = @Schema(implementation = Segment.class),
                            examples = @ExampleObject(name = "saved", value = VIEW)))
    @APIResponse(responseCode = "409", description = "A segment of that name exists")
    public Response create(SegmentInput input) {
        SegmentInput given = OrderResource.body(input);
        return Response.status(201)
                .entity(segments.create(given.name(), given.criteria(), caller.name()))
                .build();
    }

    @GET
    @RolesAllowed({Roles.MARKETING, Roles.ANALYST})
    @Operation(
            operationId = "listSegments",
            summary = "The saved segments",
            description = "With their member counts. Roles: marketing, analyst.")
    @APIResponse(
            responseCode = "200",
            description = "The segments",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            implementation = Segment.class,
                                            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY),
                            examples = @ExampleObject(name = "one", value = "[" + VIEW + "]")))
    public List<Segment> list() {
        return segments.all();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MARKETING, Roles.ANALYST})
    @Operation(operationId = "getSegment", summary = "A saved segment", description = "Roles: marketing, analyst.")
    @APIResponse(
            responseCode = "200",
            description = "The segment",
            content =
                    @Content(
                            schema = @Schema(implementation = Segment.class),
                            examples = @ExampleObject(name = "one", value = VIEW)))
    @APIResponse(responseCode = "404", description = "No such segment")
    public Segment get(@PathParam("id") String id) {
        return segments.get(RequestParameters.uuid("id", id));
    }

    @POST
    @Path("/{id}/refresh")
    @RolesAllowed(Roles.MARKETING)
    @Operation(
            operationId = "refreshSegment",
            summary = "Recompute a segment's members now",
            description = "Roles: marketing.")
    @APIResponse(
            responseCode = "200",
            description = "The segment with its new member count",
            content =
                    @Content(
                            schema = @Schema(implementation = Segment.class),
                            examples = @ExampleObject(name = "one", value = VIEW)))
    @APIResponse(responseCode = "404", description = "No such segment")
    public Segment refresh(@PathParam("id") String id) {
        return segments.refresh(RequestParameters.uuid("id", id));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.MARKETING)
    @Operation(operationId = "deleteSegment", summary = "Delete a segment", description = "Roles: marketing.")
    @APIResponse(responseCode = "204", description = "Deleted with its memberships")
    @APIResponse(responseCode = "404", description = "No such segment")
    public void delete(@PathParam("id") String id) {
        segments.delete(RequestParameters.uuid("id", id));
    }

    @GET
    @Path("/{id}/export")
    @RolesAllowed(Roles.MARKETING)
    @BulkRead("segment-export")
    @Operation(
            operationId = "exportSegment",
            summary = "Export a segment's members as subject ids for a purpose",
            description = "Subject ids only (no names or contact data), page by page. Members whom consent-service "
                    + "does not allow for the named purpose (no consent, or an objection under Art. 21) are left out "
                    + "and counted; when consent-service cannot be asked, nothing is exported (503). "
                    + "Roles: marketing.")
    @APIResponse(
            responseCode = "200",
            description = "A page of subject ids",
            content =
                    @Content(
                            schema = @Schema(implementation = ExportView.class),
                            examples = @ExampleObject(name = "a page", value = EXPORT)))
    @APIResponse(responseCode = "404", description = "No such segment")
    @APIResponse(responseCode = "503", description = "consent-service cannot be asked; nothing is exported")
    public ExportView export(
            @PathParam("id") String id,
            @Parameter(description = "The marketing purpose, as in consent-service's catalog", example = "newsletter")
                    @QueryParam("purpose")
                    String purpose,
            @Parameter(description = "The `next` of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "1 to 1000, default 1000") @QueryParam("size") String size) {
        Segments.ExportPage page = segments.export(
                RequestParameters.uuid("id", id),
                purpose,
                RequestParameters.cursor("cursor", cursor),
                RequestParameters.pageSize("size", size, 1000, 1000));
        return new ExportView(
                page.purpose(),
                page.subjectIds(),
                page.leftOut(),
                page.next() == null ? null : RequestParameters.cursorOf(page.next()));
    }
}
