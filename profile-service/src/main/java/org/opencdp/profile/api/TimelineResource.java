package org.opencdp.profile.api;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.caller.Caller;
import org.opencdp.caller.Roles;
import org.opencdp.problem.Problem;
import org.opencdp.problem.ProblemException;
import org.opencdp.profile.domain.TimelineChannel;
import org.opencdp.profile.domain.TimelinePage;
import org.opencdp.profile.domain.TimelineWrite;
import org.opencdp.profile.service.Timeline;
import org.opencdp.requestparameters.RequestParameters;

/** The communication timeline of a customer. Thin: parses, authorises, calls {@link Timeline}, maps. */
@Path("/api/v1/customers/{id}/timeline")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Timeline",
        description =
                "Every communication with a customer: calls, e-mails, letters, tickets, meetings, notes, feedback")
public class TimelineResource {

    static final String PURPOSE_WRITE = "POST /api/v1/customers/{id}/timeline";
    static final String PURPOSE_READ = "GET /api/v1/customers/{id}/timeline";

    @Inject
    Timeline timeline;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed({Roles.SALES, Roles.SERVICE, Roles.SVC_INTEGRATIONS})
    @Operation(
            operationId = "recordTimelineEntry",
            summary = "Record a communication on the customer's timeline",
            description = "Agents (sales, service) and integrations (svc-integrations) record calls, e-mails, letters, "
                    + "tickets, meetings and notes. Summary, agent and external reference are encrypted with the "
                    + "customer's key. The writer is the entry's source; a second write of the same externalReference "
                    + "by the same source returns the first entry with 200 and stores nothing (integrations may "
                    + "retry); the same reference on another customer is a 409. Outbound e-mails and letters are "
                    + "business letters (HGB §257) unless businessLetter says otherwise: they are kept 6 years after "
                    + "the end of their year even when the customer is erased. A card number or IBAN in any field is "
                    + "refused. Roles: sales, service, svc-integrations.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = TimelineEntryInput.class),
                            examples = {
                                @ExampleObject(
                                        name = "a call from an integration",
                                        value = TimelineExamples.CALL_INPUT),
                                @ExampleObject(name = "a letter sent by sales", value = TimelineExamples.LETTER_INPUT)
                            }))
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content =
                    @Content(
                            schema = @Schema(implementation = TimelineEntryView.class),
                            examples = @ExampleObject(name = "a call", value = TimelineExamples.CALL_VIEW)))
    @APIResponse(
            responseCode = "200",
            description = "The source recorded this externalReference before: the first entry, nothing new stored",
            content =
                    @Content(
                            schema = @Schema(implementation = TimelineEntryView.class),
                            examples = @ExampleObject(name = "the first call", value = TimelineExamples.CALL_VIEW)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed JSON, unknown or invalid fields, channel FEEDBACK; nothing was stored",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "no time", value = TimelineExamples.VALIDATION_PROBLEM)))
    @APIResponse(responseCode = "404", description = "No such customer")
    @APIResponse(
            responseCode = "409",
            description = "Processing of the customer is restricted (GDPR Art. 18), or the source recorded this "
                    + "externalReference on another customer")
    public Response record(
            @Parameter(example = CustomerExamples.ID) @PathParam("id") String id, @Valid TimelineEntryInput input) {
        UUID customerId = RequestParameters.uuid("id", id);
        RequestBodies.required(input);
        TimelineWrite written = timeline.record(customerId, input.toDomain(), caller.name(), PURPOSE_WRITE);
        return Response.status(written.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(TimelineEntryView.of(written.entry()))
                .build();
    }

    @GET
    // Not marketing or the analyst: what was said to a customer is for those who serve them, and for the dpo.
    @RolesAllowed({Roles.SALES, Roles.SERVICE, Roles.DPO})
    @Operation(
            operationId = "getTimeline",
            summary = "Read the customer's timeline, newest first",
            description = "Paged with the cursor; channel= (repeatable) keeps only those channels. Entries kept only "
                    + "for a retention duty after an erasure are not listed. Every read is recorded in the audit "
                    + "trail. Roles: sales, service, dpo.")
    @APIResponse(
            responseCode = "200",
            description = "One page of entries",
            content =
                    @Content(
                            schema = @Schema(implementation = TimelinePageView.class),
                            examples = @ExampleObject(name = "a call and a letter", value = TimelineExamples.PAGE)))
    @APIResponse(responseCode = "400", description = "An unknown channel, an invalid cursor or a limit over 100")
    @APIResponse(responseCode = "404", description = "No such customer")
    @APIResponse(responseCode = "409", description = "Processing of the customer is restricted (GDPR Art. 18)")
    public TimelinePageView read(
            @Parameter(example = CustomerExamples.ID) @PathParam("id") String id,
            @Parameter(
                            description = "Only these channels; repeat for several",
                            schema = @Schema(type = SchemaType.ARRAY, implementation = TimelineChannel.class))
                    @QueryParam("channel")
                    List<String> channels,
            @BeanParam PageQuery paging) {
        UUID customerId = RequestParameters.uuid("id", id);
        int size = paging.size();
        UUID after = paging.after();
        TimelinePage page = timeline.page(customerId, channels(channels), after, size, PURPOSE_READ);
        return new TimelinePageView(
                page.entries().stream().map(TimelineEntryView::of).toList(), PageQuery.next(page.next()));
    }

    private static Set<TimelineChannel> channels(List<String> names) {
        Set<TimelineChannel> channels = EnumSet.noneOf(TimelineChannel.class);
        for (String name : names == null ? List.<String>of() : names) {
            try {
                channels.add(TimelineChannel.valueOf(name.strip()));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("channel", "must be one of " + List.of(TimelineChannel.values()));
            }
        }
        return channels;
    }
}
