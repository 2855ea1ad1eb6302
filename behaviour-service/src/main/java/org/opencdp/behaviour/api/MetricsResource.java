package org.opencdp.behaviour.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.behaviour.service.CustomerMetrics;
import org.opencdp.behaviour.service.Recommendations;
import org.opencdp.caller.Roles;
import org.opencdp.problem.ProblemException;

/** Recomputing the KPIs and fitting the CLV model on demand (both also run nightly), and the model in use. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "KPIs and CLV model", description = "Recompute KPIs, fit the CLV model, read the model in use")
public class MetricsResource {

    @Inject
    CustomerMetrics metrics;

    @Inject
    Recommendations recommendations;

    @POST
    @Path("/kpis/recompute")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(
            operationId = "recomputeKpis",
            summary = "Recompute every customer's KPIs now",
            description = "Revenue, orders, cadence, RFM scores and segment, historical and predicted CLV (with the "
                    + "CLV model in use) for every customer with orders, set-based. Runs nightly anyway. "
                    + "Roles: admin, analyst.")
    @APIResponse(
            responseCode = "200",
            description = "Recomputed",
            content =
                    @Content(
                            schema = @Schema(implementation = CustomerMetrics.Recomputed.class),
                            examples = @ExampleObject(name = "done", value = KpiExamples.RECOMPUTED)))
    public CustomerMetrics.Recomputed recompute() {
        return metrics.recompute();
    }

    @POST
    @Path("/clv-model/fit")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(
            operationId = "fitClvModel",
            summary = "Fit the CLV model to the orders now",
            description = "Fits BG/NBD and Gamma-Gamma by maximum likelihood to every customer's purchase summary up "
                    + "to today, stores the fit and makes it the one in use (predicted CLV changes with the next "
                    + "recompute). Runs nightly anyway. Roles: admin, analyst.")
    @APIResponse(
            responseCode = "200",
            description = "The new fit",
            content =
                    @Content(
                            schema = @Schema(implementation = ClvModelView.class),
                            examples = @ExampleObject(name = "fitted", value = KpiExamples.FIT)))
    @APIResponse(responseCode = "409", description = "No customer has bought on more than one day yet")
    public ClvModelView fit() {
        return ClvModelView.of(metrics.fit(), metrics.assumptions());
    }

    @GET
    @Path("/clv-model")
    @RolesAllowed({Roles.ANALYST, Roles.MARKETING})
    @Operation(
            operationId = "getClvModel",
            summary = "The CLV model in use",
            description = "Its parameters, when it was fitted, how well (log-likelihood, customers, converged) and the "
                    + "assumptions of predicted CLV (horizon, discount rate, margin). Roles: analyst, marketing.")
    @APIResponse(
            responseCode = "200",
            description = "The newest fit",
            content =
                    @Content(
                            schema = @Schema(implementation = ClvModelView.class),
                            examples = @ExampleObject(name = "fitted", value = KpiExamples.FIT)))
    @APIResponse(responseCode = "404", description = "The model has not been fitted yet")
    public ClvModelView model() {
        return ClvModelView.of(
                metrics.currentFit()
                        .orElseThrow(() -> ProblemException.notFound("The CLV model has not been fitted yet.")),
                metrics.assumptions());
    }

    @POST
    @Path("/recommendations/recompute")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(
            operationId = "recomputeRecommendations",
            summary = "Recompute products bought together and bestsellers now",
            description = "Set-based over all orders in use; runs nightly anyway. Roles: admin, analyst.")
    @APIResponse(responseCode = "204", description = "Recomputed")
    public void recomputeRecommendations() {
        recommendations.recompute();
    }
}
