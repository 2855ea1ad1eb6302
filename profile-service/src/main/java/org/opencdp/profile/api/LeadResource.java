package org.opencdp.profile.api;

import java.net.URI;
import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
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
import org.opencdp.profile.domain.LeadPage;
import org.opencdp.profile.domain.PipelineStage;
import org.opencdp.profile.service.LeadService;
import org.opencdp.requestparameters.RequestParameters;

/**
 * Leads: prospective persons and companies in the sales pipeline. Thin: parses, authorises, calls {@link LeadService},
 * maps. Sales works the pipeline; service reads leads (a prospect may call the hotline, and service agents keep
 * follow-ups on leads too); marketing, analyst, dpo and admin have no access.
 */
@Path("/api/v1/leads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Leads", description = "Prospective customers in the sales pipeline, converted into customers when won")
public class LeadResource {

    private static final String ETAG = "The lead's version, e.g. \"3\": send it back in If-Match to replace it";

    @Inject
    LeadService service;

    @Inject
    CustomerViews customerViews;

    @Context
    UriInfo uri;

    @POST
    @RolesAllowed(Roles.SALES)
    @Operation(
            operationId = "createLead",
            summary = "Create a lead",
            description = "A prospective person or company, with where it came from; it starts in stage NEW. The lead "
                    + "is a data subject of its own from the start: its id is the subject id the customer keeps after "
                    + "the conversion, and its personal fields are encrypted with its own key. Roles: sales.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = LeadInput.class),
                            examples = {
                                @ExampleObject(name = "person", value = LeadExamples.PERSON_INPUT),
                                @ExampleObject(name = "company", value = LeadExamples.COMPANY_INPUT)
                            }))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names it, ETag is its version",
            headers = {
                @Header(
                        name = "Location",
                        description = "URL of the new lead",
                        schema = @Schema(type = SchemaType.STRING)),
                @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING))
            },
            content =
                    @Content(
                            schema = @Schema(implementation = LeadView.class),
                            examples = @ExampleObject(name = "person", value = LeadExamples.VIEW)))
    public Response create(@Valid LeadInput input) {
        LeadView created =
                LeadView.of(service.create(RequestBodies.required(input).toDetails(), input.source()));
        return Response.created(location(created.id()))
                .tag(ETags.of(created.version()))
                .entity(created)
                .build();
    }

    @GET
    @RolesAllowed({Roles.SALES, Roles.SERVICE})
    @Operation(
            operationId = "listLeads",
            summary = "List leads",
            description = "In id order, paged with the cursor, of one stage if given. Restricted leads (GDPR Art. 18) "
                    + "are left out. Every lead shown is recorded in the audit trail. Roles: sales, service.")
    @APIResponse(
            responseCode = "200",
            description = "One page of leads",
            content = @Content(schema = @Schema(implementation = LeadList.class)))
    @APIResponse(responseCode = "400", description = "An unknown stage, an invalid cursor or a limit over 100")
    public LeadList list(
            @Parameter(
                            description = "Only leads in this stage",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"NEW", "CONTACTED", "QUALIFIED", "PROPOSAL", "WON", "LOST"}))
                    @QueryParam("stage")
                    String stage,
            @BeanParam PageQuery paging) {
        int size = paging.size();
        UUID after = paging.after();
        LeadPage page = service.list(stage(stage), after, size);
        return new LeadList(page.leads().stream().map(LeadView::of).toList(), PageQuery.next(page.next()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SALES, Roles.SERVICE})
    @Operation(
            operationId = "getLead",
            summary = "Read a lead",
            description = "Every read is recorded in the audit trail. Roles: sales, service.")
    @APIResponse(
            responseCode = "200",
            description = "The lead; ETag is its version",
            headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            schema = @Schema(implementation = LeadView.class),
                            examples = {
                                @ExampleObject(name = "new", value = LeadExamples.VIEW),
                                @ExampleObject(name = "converted", value = LeadExamples.CONVERTED_VIEW)
                            }))
    @APIResponse(responseCode = "404", description = "No such lead")
    @APIResponse(responseCode = "409", description = "Processing of the lead is restricted (GDPR Art. 18)")
    public Response get(@Parameter(example = LeadExamples.ID) @PathParam("id") String id) {
        LeadView lead = LeadView.of(service.get(RequestParameters.uuid("id", id)));
        return Response.ok(lead).tag(ETags.of(lead.version())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.SALES)
    @Operation(
            operationId = "replaceLead",
            summary = "Replace a lead's data",
            description = "Replaces every field (not the stage). Requires If-Match with the ETag you read: 412 when "
                    + "someone changed the lead meanwhile, 428 without If-Match. Roles: sales.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = LeadInput.class),
                            examples = @ExampleObject(name = "person", value = LeadExamples.PERSON_INPUT)))
    @APIResponse(
            responseCode = "200",
            description = "Replaced; ETag is the new version",
            headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = LeadView.class)))
    @APIResponse(responseCode = "404", description = "No such lead")
    @APIResponse(
            responseCode = "409",
            description = "The lead was converted (change the customer instead), or its processing is restricted")
    @APIResponse(responseCode = "422", description = "A person lead cannot become a company lead, nor the other way")
    public Response replace(
            @Parameter(example = LeadExamples.ID) @PathParam("id") String id,
            @Parameter(in = ParameterIn.HEADER, description = "The ETag you read", example = "\"0\"")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid LeadInput input) {
        UUID leadId = RequestParameters.uuid("id", id);
        long version = ETags.requiredVersion(ifMatch);
        LeadInput body = RequestBodies.required(input);
        LeadView replaced = LeadView.of(service.replace(leadId, version, body.toDetails(), body.source()));
        return Response.ok(replaced).tag(ETags.of(replaced.version())).build();
    }

    @PUT
    @Path("/{id}/stage")
    @RolesAllowed(Roles.SALES)
    @Operation(
            operationId = "moveLead",
            summary = "Move a lead to another pipeline stage",
            description =
                    "Open stages (NEW, CONTACTED, QUALIFIED, PROPOSAL) move forward, skipping stages if need be, "
                            + "or to LOST. WON is reached only by the conversion; WON and LOST are final. Any other move is a "
                            + "409 and changes nothing. No If-Match: the move is checked against the stored stage. Roles: sales.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = StageInput.class),
                            examples = @ExampleObject(name = "qualified", value = LeadExamples.STAGE_INPUT)))
    @APIResponse(
            responseCode = "200",
            description = "Moved",
            headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = LeadView.class)))
    @APIResponse(responseCode = "404", description = "No such lead")
    @APIResponse(
            responseCode = "409",
            description = "The pipeline does not allow this move (backwards, out of WON or LOST, into WON), or the "
                    + "lead's processing is restricted")
    public Response move(@Parameter(example = LeadExamples.ID) @PathParam("id") String id, @Valid StageInput input) {
        UUID leadId = RequestParameters.uuid("id", id);
        LeadView moved =
                LeadView.of(service.moveTo(leadId, RequestBodies.required(input).stage()));
        return Response.ok(moved).tag(ETags.of(moved.version())).build();
    }

    @POST
    @Path("/{id}/conversion")
    // The body is empty: the customer gets the lead's data, nothing is entered again.
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.SALES)
    @Operation(
            operationId = "convertLead",
            summary = "Convert a lead into a customer",
            description = "Creates the customer with the lead's id as its subject id and the lead's data (names or "
                    + "company name, e-mail address, phone number; the source becomes the acquisition source), so "
                    + "follow-ups and everything else kept under the subject id stay with it. The lead becomes WON and "
                    + "keeps only its pipeline facts. A converted or lost lead: 409. Roles: sales.")
    @APIResponse(
            responseCode = "201",
            description = "The new customer; Location names it, ETag is its version",
            headers = {
                @Header(
                        name = "Location",
                        description = "URL of the new customer",
                        schema = @Schema(type = SchemaType.STRING)),
                @Header(
                        name = "ETag",
                        description = "The customer's version",
                        schema = @Schema(type = SchemaType.STRING))
            },
            content =
                    @Content(
                            schema = @Schema(implementation = CustomerView.class),
                            examples = @ExampleObject(name = "person", value = LeadExamples.CONVERTED_CUSTOMER)))
    @APIResponse(responseCode = "404", description = "No such lead")
    @APIResponse(
            responseCode = "409",
            description = "The lead was converted already or is lost, or its processing is restricted")
    public Response convert(@Parameter(example = LeadExamples.ID) @PathParam("id") String id) {
        CustomerView customer = customerViews.of(service.convert(RequestParameters.uuid("id", id)));
        URI location = uri.getBaseUriBuilder()
                .path(CustomerResource.class)
                .path(customer.id().toString())
                .build();
        return Response.created(location)
                .tag(ETags.of(customer.version()))
                .entity(customer)
                .build();
    }

    private URI location(UUID id) {
        return uri.getBaseUriBuilder()
                .path(LeadResource.class)
                .path(id.toString())
                .build();
    }

    private static PipelineStage stage(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return PipelineStage.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(
                    "stage", "must be one of NEW, CONTACTED, QUALIFIED, PROPOSAL, WON, LOST");
        }
    }
}
