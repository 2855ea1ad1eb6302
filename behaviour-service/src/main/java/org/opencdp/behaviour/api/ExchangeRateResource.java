package org.opencdp.behaviour.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
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
import org.opencdp.behaviour.domain.order.ExchangeRate;
import org.opencdp.behaviour.domain.order.Recount;
import org.opencdp.behaviour.service.CurrencyRates;
import org.opencdp.caller.Roles;
import org.opencdp.problem.ProblemException;

/** The dated exchange rates at which orders in other currencies count in the reporting currency. */
@Path("/api/v1/exchange-rates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Exchange rates", description = "Rates into the reporting currency, by date (admin)")
public class ExchangeRateResource {

    @Inject
    CurrencyRates rates;

    @Schema(name = "ExchangeRates")
    public record RatesView(@Schema(examples = "EUR") String reportingCurrency, List<RateView> rates) {}

    @Schema(name = "ExchangeRate")
    public record RateView(
            @Schema(examples = "CHF") String currency,

            @Schema(description = "The first order date the rate applies to (UTC), until the next rate")
            LocalDate validFrom,

            @Schema(description = "Units of the reporting currency for one unit of the currency", examples = "1.0625")
            BigDecimal rate) {

        static RateView of(ExchangeRate rate) {
            return new RateView(rate.currency(), rate.validFrom(), rate.rate());
        }
    }

    @Schema(name = "ExchangeRateInput")
    public record RateInput(
            @Schema(examples = "1.0625", required = true) BigDecimal rate) {}

    @Schema(name = "ExchangeRateSet")
    public record RateSet(
            @Schema(examples = "CHF") String currency,
            LocalDate validFrom,
            @Schema(examples = "1.0625") BigDecimal rate,

            @Schema(description = "Orders that now count at this rate", examples = "42")
            int ordersRecounted,

            @Schema(
                    description = "Carts that now count at this rate (by the date of their last change)",
                    examples = "3")
            int cartsRecounted) {}

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(
            operationId = "listExchangeRates",
            summary = "The exchange rates into the reporting currency",
            description = "Every rate, by currency and the date from which it applies. Roles: admin, analyst.")
    @APIResponse(
            responseCode = "200",
            description = "The rates",
            content =
                    @Content(
                            schema = @Schema(implementation = RatesView.class),
                            examples =
                                    @ExampleObject(
                                            name = "francs",
                                            value = "{\"reportingCurrency\":\"EUR\",\"rates\":[{\"currency\":\"CHF\","
                                                    + "\"validFrom\":\"2026-01-01\",\"rate\":1.0625}]}")))
    public RatesView list() {
        return new RatesView(
                rates.reportingCurrency(),
                rates.all().stream().map(RateView::of).toList());
    }

    @PUT
    @Path("/{currency}/{validFrom}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "putExchangeRate",
            summary = "Set or correct a rate",
            description = "The rate of a currency into the reporting currency from an order date (UTC) until the "
                    + "currency's next rate. Orders in that period count at it in KPIs (from the next recompute), "
                    + "segments and reports; orders already imported and carts changed in that period are recounted "
                    + "at once, after the imports and cart changes of the currency still running, so that none keeps "
                    + "the old rate. Rates are corrected, "
                    + "never deleted, so every order keeps a rate. An order whose date has no rate is refused. "
                    + "Roles: admin.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = RateInput.class),
                            examples = @ExampleObject(name = "francs", value = "{\"rate\":1.0625}")))
    @APIResponse(
            responseCode = "200",
            description = "The rate as set",
            content = @Content(schema = @Schema(implementation = RateSet.class)))
    public RateSet put(
            @Parameter(example = "CHF") @PathParam("currency") String currency,
            @Parameter(example = "2026-01-01") @PathParam("validFrom") String validFrom,
            RateInput input) {
        LocalDate from;
        try {
            from = LocalDate.parse(validFrom);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("validFrom", "must be a date such as 2026-01-01");
        }
        if (input == null) {
            throw ProblemException.badRequest("The body must be {\"rate\": ...}.");
        }
        Recount recounted = rates.put(currency, from, input.rate());
        return new RateSet(currency, from, input.rate(), recounted.orders(), recounted.carts());
    }
}
