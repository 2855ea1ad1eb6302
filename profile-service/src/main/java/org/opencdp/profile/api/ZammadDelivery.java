package org.opencdp.profile.api;

import java.time.Instant;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.profile.domain.ArticleSummary;
import org.opencdp.profile.domain.TicketArticle;
import org.opencdp.profile.domain.TicketContact;
import org.opencdp.profile.domain.TicketDelivery;
import org.opencdp.profile.domain.TicketSender;
import org.opencdp.profile.domain.TicketState;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Zammad's default webhook payload (admin-docs.zammad.org, "Webhook Payload"): the ticket and the article that
 * triggered it. Only the fields below are read; Zammad sends many more (users, groups, custom objects), which are
 * ignored, so a Zammad upgrade adding fields breaks nothing.
 */
@Schema(
        name = "ZammadDelivery",
        description = "Zammad's default webhook payload; fields not listed are ignored",
        additionalProperties = Schema.True.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ZammadDelivery(@NotNull @Valid Ticket ticket, Article article) {

    @Schema(name = "ZammadTicket", additionalProperties = Schema.True.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ticket(
            @NotNull @Schema(required = true, examples = "81")
            Long id,

            @Schema(examples = "10081") String number,
            @Schema(examples = "Invoice question") String title,

            @Schema(
                    implementation = String.class,
                    description = "The state's name (new, open, pending reminder, pending close, closed, merged);"
                            + " an object with a name is read as well",
                    examples = "open")
            JsonNode state,

            @NotNull @JsonProperty("updated_at") @Schema(required = true, examples = "2026-11-27T09:00:00.000Z")
            Instant updatedAt,

            Customer customer) {}

    @Schema(name = "ZammadCustomer", additionalProperties = Schema.True.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Customer(String firstname, String lastname, String email, String phone, String mobile) {}

    @Schema(name = "ZammadArticle", additionalProperties = Schema.True.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Article(
            @Schema(examples = "104") Long id,
            String subject,
            String body,

            @JsonProperty("content_type") @Schema(examples = "text/html")
            String contentType,

            @Schema(description = "Customer, Agent or System", examples = "Customer")
            String sender,

            Boolean internal,
            @JsonProperty("created_at") Instant createdAt) {}

    TicketDelivery toDomain() {
        return new TicketDelivery(
                ticket.id().toString(),
                ticket.number(),
                ticket.title(),
                TicketState.ofZammad(stateName(ticket.state())),
                ticket.updatedAt(),
                contact(ticket.customer()),
                article == null || article.id() == null ? null : article(article, ticket.updatedAt()));
    }

    private static TicketContact contact(Customer customer) {
        if (customer == null) {
            return null;
        }
        String name = ((customer.firstname() == null ? "" : customer.firstname()) + " "
                        + (customer.lastname() == null ? "" : customer.lastname()))
                .strip();
        String phone = blankToNull(customer.phone()) == null ? customer.mobile() : customer.phone();
        return new TicketContact(blankToNull(name), blankToNull(customer.email()), blankToNull(phone));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static TicketArticle article(Article article, Instant ticketUpdated) {
        boolean html = article.contentType() != null
                && article.contentType().toLowerCase(Locale.ROOT).startsWith("text/html");
        return new TicketArticle(
                article.id().toString(),
                sender(article.sender()),
                Boolean.TRUE.equals(article.internal()),
                article.createdAt() == null ? ticketUpdated : article.createdAt(),
                ArticleSummary.of(article.subject(), article.body(), html));
    }

    private static TicketSender sender(String name) {
        if ("Customer".equalsIgnoreCase(name)) {
            return TicketSender.CUSTOMER;
        }
        return "Agent".equalsIgnoreCase(name) ? TicketSender.AGENT : TicketSender.SYSTEM;
    }

    /** The default payload names the state; the REST API's expanded form is an object with a name. */
    private static String stateName(JsonNode state) {
        if (state == null) {
            return null;
        }
        return state.isObject() ? state.path("name").asText(null) : state.asText(null);
    }
}
