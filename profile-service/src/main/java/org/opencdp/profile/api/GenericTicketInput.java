package org.opencdp.profile.api;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.profile.domain.ArticleSummary;
import org.opencdp.profile.domain.TicketArticle;
import org.opencdp.profile.domain.TicketContact;
import org.opencdp.profile.domain.TicketDelivery;
import org.opencdp.profile.domain.TicketSender;
import org.opencdp.profile.domain.TicketState;

@Schema(
        name = "GenericTicketInput",
        description = "A ticket of any ticket system, with the message that caused the delivery (none for a change"
                + " of the ticket alone)")
public record GenericTicketInput(
        @NotBlank
        @Size(max = 200)
        @Schema(required = true, description = "The ticket's id in the sending system", examples = "4711")
        String ticketId,

        @Size(max = 100) @Schema(description = "The number people see", examples = "T-4711")
        String number,

        @Size(max = 500) @Schema(examples = "Invoice question")
        String title,

        @NotNull @Schema(required = true, examples = "OPEN") TicketState state,

        @NotNull
        @Schema(
                required = true,
                description = "When the ticket last changed in the sending system: an older delivery arriving later"
                        + " does not change state or title",
                examples = "2026-11-27T09:00:00Z")
        Instant updatedAt,

        @Valid @Schema(description = "Whom the ticket is from: matched by e-mail address, then by phone number")
        Customer customer,

        @Valid Message message) {

    @Schema(name = "GenericTicketCustomer")
    public record Customer(
            @Size(max = 200) @Schema(examples = "Erika Mustermann")
            String name,

            @Size(max = 320) @Schema(examples = "erika.mustermann@example.de")
            String email,

            @Size(max = 40)
            @Schema(description = "Any notation; without a country prefix read as German", examples = "+49 30 1234567")
            String phone) {}

    @Schema(name = "GenericTicketMessage")
    public record Message(
            @NotBlank
            @Size(max = 200)
            @Schema(
                    required = true,
                    description = "The message's id in the sending system: the same id again is recorded once",
                    examples = "m-1")
            String id,

            @NotNull @Schema(required = true, examples = "CUSTOMER")
            TicketSender sender,

            @Schema(description = "An agents' note the customer does not see (direction INTERNAL)", examples = "false")
            Boolean internal,

            @NotNull @Schema(required = true, examples = "2026-11-27T09:00:00Z")
            Instant time,

            @Size(max = 500) @Schema(examples = "Invoice question")
            String subject,

            @Size(max = 100_000)
            @Schema(
                    description = "Plain text; only the subject and the first line are kept (at most 300 characters)",
                    examples = "Hello, I have a question about my last invoice.")
            String text) {}

    TicketDelivery toDomain() {
        TicketArticle article = message == null
                ? null
                : new TicketArticle(
                        message.id().strip(),
                        message.sender(),
                        Boolean.TRUE.equals(message.internal()),
                        message.time(),
                        ArticleSummary.of(message.subject(), message.text(), false));
        TicketContact contact =
                customer == null ? null : new TicketContact(customer.name(), customer.email(), customer.phone());
        return new TicketDelivery(ticketId.strip(), number, title, state, updatedAt, contact, article);
    }
}
