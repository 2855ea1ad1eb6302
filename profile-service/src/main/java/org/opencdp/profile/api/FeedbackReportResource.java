package org.opencdp.profile.api;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
import org.opencdp.caller.Roles;
import org.opencdp.problem.ProblemException;
import org.opencdp.profile.service.FeedbackReports;
import org.opencdp.profile.service.FeedbackReports.FeedbackReport;
import org.opencdp.profile.service.FeedbackReports.Segment;

/** NPS and CSAT reports for marketing and analysts. Thin: parses, authorises, calls {@link FeedbackReports}. */
@Path("/api/v1/feedback/report")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback")
public class FeedbackReportResource {

    /** A longer span is a bulk export of the history, not a report. */
    static final int MAX_MONTHS = 36;

    @Inject
    FeedbackReports reports;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed({Roles.MARKETING, Roles.ANALYST})
    @Operation(
            operationId = "getFeedbackReport",
            summary = "NPS and CSAT per month",
            description = "Per calendar month (UTC) of the answers, and with segment= per customer kind (PERSON, "
                    + "COMPANY) or per answer source: NPS (promoters' share minus detractors' share, in percent) with "
                    + "the counts of promoters, passives and detractors; CSAT average and how many answered each "
                    + "score; answers and distinct customers. A row resting on fewer customers than the configured "
                    + "minimum (default 5) shows only its month and segment (`suppressed` true), as behaviour-service's "
                    + "reports. No free text; restricted customers are left out. RFM segments live in "
                    + "behaviour-service and are not a segment here. Roles: marketing, analyst.")
    @APIResponse(
            responseCode = "200",
            description = "The NPS and the CSAT report",
            content =
                    @Content(
                            schema = @Schema(implementation = FeedbackReport.class),
                            examples = @ExampleObject(name = "per customer kind", value = FeedbackExamples.REPORT)))
    @APIResponse(
            responseCode = "400",
            description = "A month not like 2026-01, to before from, a span over 36 months, or an unknown segment")
    public FeedbackReport report(
            @Parameter(description = "First month; 11 months before `to` when absent", example = "2026-01")
                    @QueryParam("from")
                    String from,
            @Parameter(description = "Last month; the current month when absent", example = "2026-12") @QueryParam("to")
                    String to,
            @Parameter(
                            description = "Rows per month and this segment",
                            schema = @Schema(enumeration = {"customer-kind", "source"}))
                    @QueryParam("segment")
                    String segment) {
        YearMonth last = to == null || to.isBlank() ? YearMonth.now(clock) : month("to", to);
        YearMonth first = from == null || from.isBlank() ? last.minusMonths(11) : month("from", from);
        if (first.isAfter(last)) {
            throw ProblemException.invalidField("to", "must not be before from");
        }
        if (first.plusMonths(MAX_MONTHS).isBefore(last.plusMonths(1))) {
            throw ProblemException.invalidField("from", "the report spans at most " + MAX_MONTHS + " months");
        }
        return reports.report(first, last, segment(segment));
    }

    private static YearMonth month(String name, String value) {
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "must be a month such as 2026-01");
        }
    }

    private static Segment segment(String value) {
        if (value == null || value.isBlank()) {
            return Segment.NONE;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "customer-kind" -> Segment.CUSTOMER_KIND;
            case "source" -> Segment.SOURCE;
            default -> throw ProblemException.invalidField("segment", "must be customer-kind or source");
        };
    }
}
