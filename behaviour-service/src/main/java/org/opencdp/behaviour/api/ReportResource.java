package org.opencdp.behaviour.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.behaviour.service.Reports;
import org.opencdp.problem.ProblemException;
import org.opencdp.reports.Report;

/** Aggregate reports, as JSON or CSV. */
@Path("/api/v1/reports")
@Tag(name = "Reports", description = "Revenue per month, category and segment; cohort retention (aggregates only)")
public class ReportResource {

    static final String CSV = "text/csv";
    static final String JSON_EXAMPLE = """
            {"name":"revenue-per-month","minCustomers":5,"columns":["month","revenue","orders","customers","suppressed"],
             "rows":[{"month":"2026-10","revenue":15230.50,"orders":212,"customers":180,"suppressed":false},
                     {"month":"2026-11","revenue":null,"orders":null,"customers":null,"suppressed":true}]}""";
    static final String CSV_EXAMPLE = """
            month,revenue,orders,customers,suppressed
            2026-10,15230.50,212,180,false
            2026-11,,,,true
            """;

    @Inject
    Reports reports;

    @GET
    @Path("/{report}")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({org.opencdp.caller.Roles.ANALYST, org.opencdp.caller.Roles.MARKETING})
    @Operation(
            operationId = "getReport",
            summary = "An aggregate report",
            description = "`revenue-per-month`, `revenue-per-category`, `revenue-per-segment` (RFM segments as of the "
                    + "last KPI recompute) or `cohort-retention` (customers by the month of their first purchase, and "
                    + "how many of them bought in each month after). Only orders in use count (not cancelled, less "
                    + "returns, not kept only for a retention duty, customer not restricted). A row resting on fewer "
                    + "customers than the configured minimum (default 5) has its figures suppressed (null, "
                    + "`suppressed` true) so that no report singles out a person. JSON, or CSV with "
                    + "`Accept: text/csv`. Roles: analyst, marketing.")
    @APIResponse(
            responseCode = "200",
            description = "The report",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = Report.class),
                        examples = @ExampleObject(name = "revenue per month", value = JSON_EXAMPLE)),
                @Content(
                        mediaType = CSV,
                        schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "revenue per month", value = CSV_EXAMPLE))
            })
    @APIResponse(responseCode = "404", description = "No such report")
    public Response report(
            @Parameter(example = "revenue-per-month") @PathParam("report") String name, @Context HttpHeaders headers) {
        Report report = reports.report(kind(name));
        boolean csv = headers.getAcceptableMediaTypes().stream()
                .findFirst()
                .map(t -> t.isCompatible(MediaType.valueOf(CSV)) && !t.isWildcardType())
                .orElse(false);
        return csv
                ? Response.ok(report.toCsv(), CSV + "; charset=UTF-8").build()
                : Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    private static Reports.Kind kind(String name) {
        try {
            return Reports.Kind.valueOf(name.toUpperCase().replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No report '" + name + "': revenue-per-month, revenue-per-category, "
                    + "revenue-per-segment, cohort-retention.");
        }
    }
}
