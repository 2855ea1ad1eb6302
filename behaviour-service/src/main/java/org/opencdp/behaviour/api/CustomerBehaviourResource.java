package org.opencdp.behaviour.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.behaviour.domain.kpi.KpiAccess;
import org.opencdp.behaviour.domain.order.StoredOrder;
import org.opencdp.behaviour.service.CustomerKpiQueries;
import org.opencdp.behaviour.service.OrderHistory;
import org.opencdp.caller.Caller;
import org.opencdp.caller.Roles;
import org.opencdp.requestparameters.RequestParameters;

/**
 * One customer's purchase behaviour: orders for sales; KPIs for sales, and their segment part for service (the 360°
 * view of a service agent). Every read is recorded in the audit trail.
 */
@Path("/api/v1/customers/{subjectId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customer behaviour", description = "One customer's orders and KPIs (sales; the segment for service)")
public class CustomerBehaviourResource {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;

    @Inject
    OrderHistory history;

    @Inject
    CustomerKpiQueries kpis;

    @Inject
    Caller caller;

    /** A page of orders, newest first, and the cursor of the next page (null on the last). */
    @Schema(name = "OrderPage")
    public record OrderPage(List<OrderView> orders, String next) {}

    @GET
    @Path("/orders")
    @RolesAllowed(Roles.SALES)
    @Operation(
            operationId = "listCustomerOrders",
            summary = "A customer's orders",
            description = "Newest first, with returns and cancellations. Orders kept only for a statutory retention "
                    + "duty after an erasure are not shown. Roles: sales.")
    @APIResponse(
            responseCode = "200",
            description = "A page of orders",
            content =
                    @Content(
                            schema = @Schema(implementation = OrderPage.class),
                            examples =
                                    @ExampleObject(
                                            name = "one order",
                                            value = "{\"orders\":[" + OrderExamples.ORDER_VIEW + "]}")))
    @APIResponse(responseCode = "409", description = "Processing of the customer is restricted (GDPR Art. 18)")
    public OrderPage orders(
            @Parameter(example = "7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c") @PathParam("subjectId") String subjectId,
            @Parameter(description = "The `next` of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "1 to 100, default 20") @QueryParam("size") String size) {
        int limit = RequestParameters.pageSize("size", size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        List<StoredOrder> page = history.ofCustomer(
                RequestParameters.uuid("subjectId", subjectId), RequestParameters.cursor("cursor", cursor), limit);
        String next = page.size() == limit
                ? RequestParameters.cursorOf(page.get(page.size() - 1).id())
                : null;
        return new OrderPage(page.stream().map(OrderView::of).toList(), next);
    }

    @GET
    @Path("/kpis")
    // service: a service agent's 360° view shows where the customer stands (issue 14), never what they spent.
    @RolesAllowed({Roles.SALES, Roles.SERVICE})
    @Operation(
            operationId = "getCustomerKpis",
            summary = "A customer's KPIs",
            description = "As of the last recompute (nightly, or on demand): revenue per month and in total, order "
                    + "count, average order value, first and last purchase, purchase cadence (mean and median days "
                    + "between purchase days, next expected purchase), RFM scores (quintiles 1-5 over all customers "
                    + "with orders) and segment, historical and predicted CLV. Each is explained in the README. "
                    + "What is returned depends on the role: sales sees everything; service only where the customer "
                    + "stands, the RFM scores and segment (`subjectId`, `recencyScore`, `frequencyScore`, "
                    + "`monetaryScore`, `rfmSegment`, `computedAt`), no revenue, order values, cadence or CLV: the "
                    + "other fields are absent. Roles: sales, service. The read is recorded in the audit trail "
                    + "(`kpi.read`, for service `kpi.read-segment`).")
    @APIResponse(
            responseCode = "200",
            description = "The KPIs as the caller's role may see them",
            content =
                    @Content(
                            schema = @Schema(implementation = CustomerKpisView.class),
                            examples = {
                                @ExampleObject(name = "as sales: a loyal customer", value = KpiExamples.KPIS),
                                @ExampleObject(name = "as service: the segment alone", value = KpiExamples.SEGMENT_ONLY)
                            }))
    @APIResponse(responseCode = "404", description = "No KPIs: no orders, or none since the last recompute")
    @APIResponse(responseCode = "409", description = "Processing of the customer is restricted (GDPR Art. 18)")
    public CustomerKpisView kpis(
            @Parameter(example = "7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c") @PathParam("subjectId") String subjectId) {
        KpiAccess reader = caller.hasRole(Roles.SALES) ? KpiAccess.FULL : KpiAccess.SEGMENT;
        return CustomerKpisView.of(kpis.of(RequestParameters.uuid("subjectId", subjectId), reader), reader);
    }
}
