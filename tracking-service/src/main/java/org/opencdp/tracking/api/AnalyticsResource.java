package org.opencdp.tracking.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

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
import org.opencdp.caller.Roles;
import org.opencdp.problem.ProblemException;
import org.opencdp.requestparameters.RequestParameters;
import org.opencdp.tracking.domain.ClickCount;
import org.opencdp.tracking.domain.PageDay;
import org.opencdp.tracking.domain.SiteDay;
import org.opencdp.tracking.service.AnalyticsService;

/**
 * Web analytics of a site, from the daily aggregates only: counts, rates and distributions, never a visitor.
 * README, "Analytics", says exactly how each figure is computed.
 */
@Path("/api/v1/analytics/sites/{siteKey}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics", description = "Aggregated web analytics per site and day (no single visitor)")
public class AnalyticsResource {

    static final int DEFAULT_PAGES = 20;
    static final int MAX_PAGES = 100;

    @Inject
    AnalyticsService analytics;

    public record DayFigures(
            @Schema(examples = "2026-11-26") LocalDate day,

            @Schema(description = "Distinct visitor ids with an event that day", examples = "412")
            long visitors,

            @Schema(description = "Sessions with at least one page view", examples = "530")
            long sessions,

            @Schema(description = "Sessions that viewed a single page", examples = "212")
            long bouncedSessions,

            @Schema(description = "bouncedSessions / sessions; absent without sessions", examples = "0.4")
            Double bounceRate,

            @Schema(examples = "1630") long pageViews) {

        static DayFigures of(SiteDay day) {
            return new DayFigures(
                    day.day(),
                    day.visitors(),
                    day.sessions(),
                    day.bouncedSessions(),
                    day.bounceRate(),
                    day.pageViews());
        }
    }

    public record PageFigures(
            @Schema(examples = "https://shop.example/tents") String url,
            @Schema(examples = "311") long pageViews,

            @Schema(description = "Page visits with a dwell time and scroll depth", examples = "280")
            long measuredVisits,

            @Schema(description = "Mean dwell time of the measured visits, ms", examples = "41250")
            Long averageDwellMs,

            @Schema(description = "Measured visits per dwell-time bucket")
            Map<String, Long> dwellTime,

            @Schema(description = "Measured visits per deepest scroll depth, %")
            Map<String, Long> scrollDepth,

            @Schema(description = "Clicks per marked element (data-cdp-track)")
            Map<String, Long> clicks) {}

    @GET
    @Path("/days")
    @RolesAllowed({Roles.ANALYST, Roles.MARKETING})
    @Operation(
            operationId = "siteDays",
            summary = "Visitors, sessions, bounce rate and page views per day",
            description = "From the daily aggregates; today's are computed when asked. At most 400 days; by "
                    + "default the last 30 days. Roles: analyst, marketing.")
    @APIResponse(
            responseCode = "200",
            description = "One entry per day with events, oldest first",
            content = @Content(examples = @ExampleObject(name = "one day", value = """
                    [{"day":"2026-11-26","visitors":412,"sessions":530,"bouncedSessions":212,"bounceRate":0.4,
                      "pageViews":1630}]""")))
    public List<DayFigures> days(
            @Parameter(example = "site_demo") @PathParam("siteKey") String siteKey,
            @Parameter(description = "First day (UTC), ISO date", example = "2026-11-01") @QueryParam("from")
                    String from,
            @Parameter(description = "Last day (UTC), ISO date", example = "2026-11-30") @QueryParam("to") String to) {
        return analytics.days(siteKey, period(from, to)).stream()
                .map(DayFigures::of)
                .toList();
    }

    @GET
    @Path("/pages")
    @RolesAllowed({Roles.ANALYST, Roles.MARKETING})
    @Operation(
            operationId = "topPages",
            summary = "Top pages with dwell time, scroll depth and clicks",
            description = "The most viewed pages of the period with their dwell-time and scroll-depth distributions "
                    + "and the clicks per marked element. Roles: analyst, marketing.")
    @APIResponse(
            responseCode = "200",
            description = "Pages by views, most first",
            content = @Content(examples = @ExampleObject(name = "one page", value = """
                    [{"url":"https://shop.example/tents","pageViews":311,"measuredVisits":280,"averageDwellMs":41250,
                      "dwellTime":{"<10s":40,"10-30s":71,"30-60s":90,"1-3min":60,"3-10min":17,">=10min":2},
                      "scrollDepth":{"0-24":30,"25-49":52,"50-74":101,"75-100":97},
                      "clicks":{"add-to-cart:tent-fjell-2":57}}]""")))
    public List<PageFigures> pages(
            @Parameter(example = "site_demo") @PathParam("siteKey") String siteKey,
            @Parameter(description = "First day (UTC), ISO date", example = "2026-11-01") @QueryParam("from")
                    String from,
            @Parameter(description = "Last day (UTC), ISO date", example = "2026-11-30") @QueryParam("to") String to,
            @Parameter(description = "How many pages, 1 to 100 (20)", example = "20") @QueryParam("limit")
                    String limit) {
        AnalyticsService.PageReport report = analytics.pages(
                siteKey, period(from, to), RequestParameters.pageSize("limit", limit, DEFAULT_PAGES, MAX_PAGES));
        return report.pages().stream()
                .map(page -> new PageFigures(
                        page.url(),
                        page.pageViews(),
                        page.measuredVisits(),
                        page.averageDwellMs(),
                        buckets(PageDay.DWELL_BUCKETS, page.dwellBuckets()),
                        buckets(PageDay.SCROLL_BUCKETS, page.scrollBuckets()),
                        clicksOn(page.url(), report.clicks())))
                .toList();
    }

    private static Map<String, Long> buckets(List<String> labels, List<Long> counts) {
        Map<String, Long> buckets = new LinkedHashMap<>();
        IntStream.range(0, labels.size()).forEach(i -> buckets.put(labels.get(i), counts.get(i)));
        return buckets;
    }

    private static Map<String, Long> clicksOn(String url, List<ClickCount> clicks) {
        Map<String, Long> onPage = new LinkedHashMap<>();
        clicks.stream().filter(c -> c.url().equals(url)).forEach(c -> onPage.put(c.element(), c.clicks()));
        return onPage;
    }

    private static AnalyticsService.Period period(String from, String to) {
        return new AnalyticsService.Period(date("from", from), date("to", to));
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "must be an ISO date such as 2026-11-26");
        }
    }
}
