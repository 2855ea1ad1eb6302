package org.opencdp.behaviour.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.behaviour.domain.order.Cart;
import org.opencdp.behaviour.domain.order.OrderLine;
import org.opencdp.behaviour.service.Carts;
import org.opencdp.caller.Caller;
import org.opencdp.caller.Roles;
import org.opencdp.ratelimits.BulkRead;
import org.opencdp.requestparameters.RequestParameters;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Shops keep their current carts here; marketing lists the abandoned ones where consent allows. */
@Path("/api/v1/carts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Carts", description = "Current carts of customers and visitors; abandoned carts for marketing")
public class CartResource {

    static final String CART_INPUT = """
            {"currency":"CHF","lines":[{"sku":"SKU-4711","category":"coffee","quantity":2,"unitPrice":12.90}]}""";
    static final String CART_VIEW = """
            {"subjectId":"7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c","currency":"CHF",
             "lines":[{"sku":"SKU-4711","category":"coffee","quantity":2,"unitPrice":12.90,"discount":0}],
             "value":25.80,"reportingCurrency":"EUR","reportingValue":27.41,"updatedAt":"2026-11-25T10:15:30Z"}""";

    @Inject
    Carts carts;

    @Inject
    Caller caller;

    @Schema(name = "CartInput")
    public record CartInput(@Schema(examples = "EUR") String currency, List<OrderInput.LineInput> lines) {

        List<OrderLine> toLines() {
            return lines == null
                    ? null
                    : lines.stream().map(l -> l == null ? null : l.toLine()).toList();
        }
    }

    @Schema(name = "Cart")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CartView(
            UUID subjectId,
            String visitorId,
            String currency,
            List<OrderLine> lines,

            @Schema(description = "Quantity x unit price less line discounts, summed, in the cart's currency")
            BigDecimal value,

            @Schema(description = "The currency KPIs and reports are in", examples = "EUR")
            String reportingCurrency,

            @Schema(
                    description = "The value in the reporting currency, at the exchange rate of the day of the cart's "
                            + "last change (UTC), to the cent")
            BigDecimal reportingValue,

            Instant updatedAt) {

        static CartView of(Cart cart, String reportingCurrency) {
            return new CartView(
                    cart.subjectId(),
                    cart.visitorId(),
                    cart.currency(),
                    cart.lines(),
                    cart.value().setScale(2, java.math.RoundingMode.HALF_UP),
                    reportingCurrency,
                    cart.reportingValue(),
                    cart.updatedAt());
        }
    }

    private CartView view(Cart cart) {
        return CartView.of(cart, carts.reportingCurrency());
    }

    @Schema(name = "AbandonedCartPage")
    public record AbandonedPage(List<CartView> carts, String next) {}

    @PUT
    @Path("/subjects/{subjectId}")
    @RolesAllowed(Roles.SVC_SHOP)
    @Operation(
            operationId = "putSubjectCart",
            summary = "Set a customer's current cart",
            description = "Replaces the cart this shop holds for the customer. Lines as in an order. The currency is "
                    + "the reporting currency or one with an exchange rate for today (UTC): the cart is kept in it "
                    + "and valued in the reporting currency at that rate; otherwise 400 and nothing is stored. "
                    + "Roles: svc-shop.")
    @RequestBody(required = true, content = @Content(examples = @ExampleObject(name = "a cart", value = CART_INPUT)))
    @APIResponse(
            responseCode = "200",
            description = "The cart and its value",
            content =
                    @Content(
                            schema = @Schema(implementation = CartView.class),
                            examples = @ExampleObject(name = "a cart", value = CART_VIEW)))
    public CartView putSubjectCart(
            @Parameter(example = "7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c") @PathParam("subjectId") String subjectId,
            CartInput input) {
        CartInput cart = OrderResource.body(input);
        return view(carts.put(
                caller.name(), RequestParameters.uuid("subjectId", subjectId), null, cart.currency(), cart.toLines()));
    }

    @PUT
    @Path("/visitors/{visitorId}")
    @RolesAllowed(Roles.SVC_SHOP)
    @Operation(
            operationId = "putVisitorCart",
            summary = "Set a visitor's current cart",
            description = "For a visitor not (yet) known as a customer, by consent-service's visitor id (32 lowercase "
                    + "hex digits). Currency as for a customer's cart. Roles: svc-shop.")
    @RequestBody(required = true, content = @Content(examples = @ExampleObject(name = "a cart", value = CART_INPUT)))
    @APIResponse(
            responseCode = "200",
            description = "The cart and its value",
            content =
                    @Content(
                            schema = @Schema(implementation = CartView.class),
                            examples = @ExampleObject(name = "a cart", value = CART_VIEW)))
    public CartView putVisitorCart(
            @Parameter(example = "4f9c2b7e1a3d5c6e8f0a1b2c3d4e5f60") @PathParam("visitorId") String visitorId,
            CartInput input) {
        CartInput cart = OrderResource.body(input);
        return view(carts.put(caller.name(), null, visitorId, cart.currency(), cart.toLines()));
    }

    @DELETE
    @Path("/subjects/{subjectId}")
    @RolesAllowed(Roles.SVC_SHOP)
    @Operation(
            operationId = "deleteSubjectCart",
            summary = "Remove a customer's cart",
            description = "When it was ordered or emptied. Idempotent. Roles: svc-shop.")
    @APIResponse(responseCode = "204", description = "Removed, or there was none")
    public void deleteSubjectCart(
            @Parameter(example = "7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c") @PathParam("subjectId") String subjectId) {
        carts.remove(caller.name(), RequestParameters.uuid("subjectId", subjectId), null);
    }

    @DELETE
    @Path("/visitors/{visitorId}")
    @RolesAllowed(Roles.SVC_SHOP)
    @Operation(
            operationId = "deleteVisitorCart",
            summary = "Remove a visitor's cart",
            description = "When it was ordered or emptied. Idempotent. Roles: svc-shop.")
    @APIResponse(responseCode = "204", description = "Removed, or there was none")
    public void deleteVisitorCart(
            @Parameter(example = "4f9c2b7e1a3d5c6e8f0a1b2c3d4e5f60") @PathParam("visitorId") String visitorId) {
        carts.remove(caller.name(), null, visitorId);
    }

    @GET
    @Path("/abandoned")
    @RolesAllowed(Roles.MARKETING)
    @BulkRead("segment-export")
    @Operation(
            operationId = "listAbandonedCarts",
            summary = "Abandoned carts, where consent allows",
            description = "Carts unchanged for the configured time (default 24 hours) and not ordered since. Only the "
                    + "carts whose customer or visitor consents to the named marketing purpose are listed "
                    + "(consent-service decides, in batches); when consent-service cannot be asked, nothing is "
                    + "listed (503). Each cart shows its value in its own currency and in the reporting currency. A page may hold "
                    + "fewer carts than its size; follow `next` until it is null. "
                    + "Roles: marketing.")
    @APIResponse(
            responseCode = "200",
            description = "A page of abandoned carts",
            content =
                    @Content(
                            schema = @Schema(implementation = AbandonedPage.class),
                            examples = @ExampleObject(name = "one cart", value = "{\"carts\":[" + CART_VIEW + "]}")))
    @APIResponse(responseCode = "503", description = "consent-service cannot be asked; nothing is released")
    public AbandonedPage abandoned(
            @Parameter(description = "The marketing purpose, as in consent-service's catalog", example = "marketing")
                    @QueryParam("purpose")
                    String purpose,
            @Parameter(description = "The `next` of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "1 to 500, default 100") @QueryParam("size") String size) {
        Carts.AbandonedPage page = carts.abandoned(
                purpose,
                RequestParameters.cursor("cursor", cursor),
                RequestParameters.pageSize("size", size, 100, 500));
        return new AbandonedPage(
                page.carts().stream().map(this::view).toList(),
                page.next() == null ? null : RequestParameters.cursorOf(page.next()));
    }
}
