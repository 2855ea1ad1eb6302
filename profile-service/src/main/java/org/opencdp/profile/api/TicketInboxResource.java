package org.opencdp.profile.api;

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
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.caller.Roles;
import org.opencdp.profile.domain.InboxPage;
import org.opencdp.profile.service.Tickets;
import org.opencdp.requestparameters.RequestParameters;

/** The unmatched-ticket inbox. Thin: parses, authorises, calls {@link Tickets}, maps. */
@Path("/api/v1/ticket-inbox")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Ticket inbox", description = "Tickets no single customer matched, for an agent to assign")
public class TicketInboxResource {

    static final String PURPOSE_READ = "GET /api/v1/ticket-inbox";
    static final String PURPOSE_ASSIGN = "POST /api/v1/ticket-inbox/{id}/assignment";

    @Inject
    Tickets tickets;

    @GET
    // Those who serve customers assign their tickets; the contact shown is of someone not yet known as a customer.
    @RolesAllowed({Roles.SALES, Roles.SERVICE})
    @Operation(
            operationId = "listTicketInbox",
            summary = "List the unmatched tickets, oldest first",
            description = "Tickets whose contact matched no customer, or several, or a restricted one: with the"
                    + " contact the ticket system named and a summary of each message. Unassigned, a ticket is deleted"
                    + " with its key 90 days after its latest delivery (retention policy unmatched-tickets). Every"
                    + " ticket shown is recorded as read. Roles: sales, service.")
    @APIResponse(
            responseCode = "200",
            description = "One page of the inbox",
            content =
                    @Content(
                            schema = @Schema(implementation = InboxPageView.class),
                            examples = @ExampleObject(name = "one ticket", value = TicketExamples.INBOX_PAGE)))
    @APIResponse(responseCode = "400", description = "An invalid cursor or a limit over 100")
    public InboxPageView list(@BeanParam PageQuery paging) {
        int size = paging.size();
        InboxPage page = tickets.inbox(paging.after(), size, PURPOSE_READ);
        return new InboxPageView(
                page.tickets().stream().map(InboxTicketView::of).toList(), PageQuery.next(page.next()));
    }

    @POST
    @Path("/{id}/assignment")
    @RolesAllowed({Roles.SALES, Roles.SERVICE})
    @Operation(
            operationId = "assignInboxTicket",
            summary = "Assign an unmatched ticket to a customer",
            description = "The ticket and its messages move to the customer: each message becomes an entry of the"
                    + " customer's timeline, the ticket counts toward the caller card's openTickets, later messages of"
                    + " the ticket follow it, and the ticket's own key and the contact the ticket system named are"
                    + " destroyed. Roles: sales, service.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = AssignmentInput.class),
                            examples = @ExampleObject(name = "a customer", value = TicketExamples.ASSIGNMENT_INPUT)))
    @APIResponse(
            responseCode = "200",
            description = "Assigned",
            content =
                    @Content(
                            schema = @Schema(implementation = AssignmentView.class),
                            examples = @ExampleObject(name = "one message moved", value = TicketExamples.ASSIGNMENT)))
    @APIResponse(responseCode = "400", description = "No or a malformed customer id")
    @APIResponse(responseCode = "404", description = "No such ticket in the inbox, or no such customer")
    @APIResponse(
            responseCode = "409",
            description = "The ticket was assigned already, or processing of the customer is restricted (GDPR Art. 18)")
    public AssignmentView assign(
            @Parameter(example = TicketExamples.ID) @PathParam("id") String id, @Valid AssignmentInput input) {
        UUID ticketId = RequestParameters.uuid("id", id);
        RequestBodies.required(input);
        UUID customerId = RequestParameters.uuid("customerId", input.customerId());
        int moved = tickets.assign(ticketId, customerId, PURPOSE_ASSIGN);
        return new AssignmentView(ticketId, customerId, moved);
    }
}
