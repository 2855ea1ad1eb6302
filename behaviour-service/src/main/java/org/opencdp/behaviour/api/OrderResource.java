package org.opencdp.behaviour.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.behaviour.service.OrderAdjustments;
import org.opencdp.behaviour.service.OrderImport;
import org.opencdp.caller.Caller;
import org.opencdp.caller.Roles;
import org.opencdp.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Orders imported by shop systems (role svc-shop). A shop addresses its orders by its own order id; orders of
 * different shops never collide.
 */
@Path("/api/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Orders", description = "Orders with lines, returns and cancellations, imported by shop systems")
public class OrderResource {

    static final String NDJSON = "application/x-ndjson";

    @Inject
    OrderImport imports;

    @Inject
    OrderAdjustments adjustments;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    @POST
    @RolesAllowed(Roles.SVC_SHOP)
    @Operation(
            operationId = "importOrder",
            summary = "Import an order",
            description = "Idempotent by the shop's order id: the same order sent again answers 200 with the stored "
                    + "one; a different order under the same id is refused (409). The lines (quantity x unit price "
                    + "- line discount) less the order discount must equal the total exactly; amounts have at most 4 "
                    + "decimal places, none is negative; the currency is the reporting currency or one with an "
                    + "exchange rate for the order date (kept as sent, counted at that rate); the "
                    + "order time is not in the future. Roles: svc-shop.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = OrderInput.class),
                            examples = @ExampleObject(name = "an order", value = OrderExamples.ORDER_INPUT)))
    @APIResponse(
            responseCode = "201",
            description = "Stored",
            content =
                    @Content(
                            schema = @Schema(implementation = OrderView.class),
                            examples = @ExampleObject(name = "stored", value = OrderExamples.ORDER_VIEW)))
    @APIResponse(
            responseCode = "200",
            description = "Stored before with the same content; the stored order",
            content =
                    @Content(
                            schema = @Schema(implementation = OrderView.class),
                            examples = @ExampleObject(name = "stored before", value = OrderExamples.ORDER_VIEW)))
    @APIResponse(responseCode = "409", description = "The shop's order id was imported before with other content")
    public Response importOrder(OrderInput input) {
        OrderImport.Imported imported =
                imports.importOne(caller.name(), body(input).toOrder());
        return Response.status(imported.outcome() == OrderImport.Outcome.CREATED ? 201 : 200)
                .entity(OrderView.of(imported.order()))
                .build();
    }

    @POST
    @Path("/bulk")
    @Consumes({MediaType.APPLICATION_JSON, NDJSON})
    @RolesAllowed(Roles.SVC_SHOP)
    @Operation(
            operationId = "importOrders",
            summary = "Import up to 5,000 orders at once",
            description = "A JSON array of orders, or NDJSON (`application/x-ndjson`, one order per line). Each row is "
                    + "checked like a single import: good rows are stored, bad rows are rejected with their problem "
                    + "(400 invalid, 409 a different order under an id imported before), and the answer has a result "
                    + "per row in the order sent. No row is ever stored in part. Roles: svc-shop.")
    @RequestBody(
            required = true,
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema =
                                @Schema(
                                        type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                                        implementation = OrderInput.class),
                        examples = @ExampleObject(name = "one order", value = "[" + OrderExamples.ORDER_INPUT + "]")),
                @Content(
                        mediaType = NDJSON,
                        examples = @ExampleObject(name = "a good and a bad row", value = OrderExamples.BULK_NDJSON))
            })
    @APIResponse(
            responseCode = "200",
            description = "Every row was handled; see each row's outcome",
            content =
                    @Content(
                            schema = @Schema(implementation = BulkImportResult.class),
                            examples =
                                    @ExampleObject(name = "a good and a bad row", value = OrderExamples.BULK_RESULT)))
    public BulkImportResult importOrders(@jakarta.ws.rs.HeaderParam("Content-Type") String contentType, String body) {
        List<OrderImport.Row> rows = contentType != null && contentType.startsWith(NDJSON) ? ndjson(body) : array(body);
        return BulkImportResult.of(imports.importAll(caller.name(), rows));
    }

    @POST
    @Path("/{orderId}/returns")
    @RolesAllowed(Roles.SVC_SHOP)
    @Operation(
            operationId = "recordReturn",
            summary = "Record a return on an order",
            description = "Reduces the order's revenue by the refunded amount (at most what remains). Idempotent by "
                    + "the return id. Roles: svc-shop (the shop that imported the order).")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = AdjustmentInput.Return.class),
                            examples = @ExampleObject(name = "a return", value = OrderExamples.RETURN_INPUT)))
    @APIResponse(
            responseCode = "200",
            description = "The order with the return",
            content =
                    @Content(
                            schema = @Schema(implementation = OrderView.class),
                            examples = @ExampleObject(name = "the order", value = OrderExamples.ORDER_VIEW)))
    @APIResponse(responseCode = "404", description = "This shop has no order with this id")
    @APIResponse(
            responseCode = "409",
            description = "The return id was recorded with other content, or the order is cancelled")
    public OrderView recordReturn(@PathParam("orderId") String orderId, AdjustmentInput.Return input) {
        AdjustmentInput.Return given = body(input);
        return OrderView.of(adjustments.recordReturn(
                caller.name(),
                orderId,
                given.returnId(),
                given.returnedAt() == null ? null : given.returnedAt().toInstant(),
                given.amount()));
    }

    @POST
    @Path("/{orderId}/cancellation")
    @RolesAllowed(Roles.SVC_SHOP)
    @Operation(
            operationId = "cancelOrder",
            summary = "Cancel an order",
            description = "The order no longer counts: no revenue, not an order in any KPI. Sent again with the same "
                    + "time it changes nothing. Roles: svc-shop (the shop that imported the order).")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = AdjustmentInput.Cancellation.class),
                            examples =
                                    @ExampleObject(name = "a cancellation", value = OrderExamples.CANCELLATION_INPUT)))
    @APIResponse(
            responseCode = "200",
            description = "The cancelled order",
            content =
                    @Content(
                            schema = @Schema(implementation = OrderView.class),
                            examples = @ExampleObject(name = "the order", value = OrderExamples.ORDER_VIEW)))
    @APIResponse(responseCode = "404", description = "This shop has no order with this id")
    @APIResponse(responseCode = "409", description = "The order was cancelled before at another time")
    public OrderView cancel(@PathParam("orderId") String orderId, AdjustmentInput.Cancellation input) {
        AdjustmentInput.Cancellation given = body(input);
        return OrderView.of(adjustments.cancel(
                caller.name(),
                orderId,
                given.cancelledAt() == null ? null : given.cancelledAt().toInstant()));
    }

    private List<OrderImport.Row> array(String body) {
        JsonNode tree;
        try {
            tree = json.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("The body is not JSON: send an array of orders or NDJSON.");
        }
        if (tree == null || !tree.isArray()) {
            throw ProblemException.badRequest("The body must be a JSON array of orders.");
        }
        List<OrderImport.Row> rows = new ArrayList<>(tree.size());
        tree.forEach(node -> rows.add(row(node)));
        return rows;
    }

    private List<OrderImport.Row> ndjson(String body) {
        List<OrderImport.Row> rows = new ArrayList<>();
        for (String line : (body == null ? "" : body).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            rows.add(ndjsonRow(line));
        }
        return rows;
    }

    /** Read straight into an order, without a tree in between: NDJSON is the bulk path shops use most. */
    private OrderImport.Row ndjsonRow(String line) {
        if (!line.stripLeading().startsWith("{")) {
            return unreadable("row", "is not a JSON object");
        }
        try {
            return OrderImport.Row.of(json.readValue(line, OrderInput.class).toOrder());
        } catch (JsonMappingException e) {
            return unreadable(path(e), "has the wrong type, or is not a field of an order");
        } catch (JsonProcessingException e) {
            return unreadable("row", "is not a JSON object");
        }
    }

    private OrderImport.Row row(JsonNode node) {
        if (node == null || !node.isObject()) {
            return unreadable("row", "is not a JSON object");
        }
        try {
            return OrderImport.Row.of(json.treeToValue(node, OrderInput.class).toOrder());
        } catch (JsonMappingException e) {
            return unreadable(path(e), "has the wrong type, or is not a field of an order");
        } catch (IOException e) {
            return unreadable("row", "is not an order");
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "row" : path.toString();
    }

    private static OrderImport.Row unreadable(String field, String why) {
        return OrderImport.Row.unreadable(
                ProblemException.invalidField(field, why).toProblem());
    }

    static <T> T body(T input) {
        if (input == null) {
            throw ProblemException.badRequest("A request body is required.");
        }
        return input;
    }
}
