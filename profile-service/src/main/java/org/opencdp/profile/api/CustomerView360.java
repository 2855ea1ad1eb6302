package org.opencdp.profile.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.profile.domain.ConsentState;
import org.opencdp.profile.domain.CustomerOverview;
import org.opencdp.profile.domain.OverviewPart;
import org.opencdp.profile.domain.PurchaseKpis;
import org.opencdp.profile.domain.WebVisits;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The 360° view as it goes out. A remote part (consents, kpis, webVisits) is its data or a {@link Marker}; a part the
 * caller's role does not see is left out; a restricted customer's view has the id and {@code restricted: true} only.
 */
@Schema(name = "CustomerView360")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerView360(
        UUID id,

        @Schema(
                description = "Processing is restricted (GDPR Art. 18): nothing else is shown; the dpo sees the "
                        + "request in retention-service")
        boolean restricted,

        @Schema(description = "Master data as getCustomer shows it to the caller's role")
        CustomerView customer,

        @Schema(
                description = "consent-service's current decisions on the configured purposes, or a marker",
                oneOf = {Consents.class, Marker.class})
        Object consents,

        @Schema(
                description = "behaviour-service's KPIs, RFM segment and CLV (service: the RFM scores and segment "
                        + "alone; marketing: `notPermitted`, behaviour-service refuses it), or a marker",
                oneOf = {Kpis.class, Marker.class})
        Object kpis,

        @Schema(
                description = "tracking-service's web-visit summary, only with a personalisation consent in force, "
                        + "or a marker",
                oneOf = {WebVisitsView.class, Marker.class})
        Object webVisits,

        @Schema(
                description = "The newest timeline entries, newest first; for marketing without agent, summary, "
                        + "source and reference")
        List<TimelineEntryView> timeline,

        @Schema(description = "Open follow-ups in due order (not for marketing)")
        List<FollowUpView> followUps,

        @Schema(description = "The newest satisfaction answer; for marketing without the comment")
        FeedbackView latestFeedback) {

    /** Why a remote part is missing. Exactly one field is set. */
    @Schema(name = "View360PartMarker")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Marker(
            @Schema(
                    description = "The service timed out, is down, answered 5xx, its circuit is open or it is busy",
                    examples = "behaviour-service timed out")
            String unavailable,

            @Schema(description = "The service refused the caller's role (403)", examples = "true")
            Boolean notPermitted,

            @Schema(
                    description = "Not asked for: the subject has not given the consent it needs",
                    examples = "no personalisation consent in force")
            String notConsented,

            @Schema(
                    description = "The service has nothing on the subject (404)",
                    examples = "behaviour-service has no data on the subject")
            String noData) {}

    @Schema(name = "View360Consents")
    public record Consents(List<Decision> decisions) {}

    @Schema(name = "View360ConsentDecision")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Decision(
            @Schema(examples = "newsletter") String purpose,
            boolean allowed,
            @Schema(examples = "CONSENT") String legalBasis,
            @Schema(examples = "GRANTED") String reason,
            UUID entryId) {}

    @Schema(name = "View360Kpis")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Kpis(
            @Schema(examples = "EUR") String currency,
            BigDecimal totalRevenue,
            Integer orderCount,
            BigDecimal averageOrderValue,
            Instant firstPurchase,
            Instant lastPurchase,
            LocalDate nextExpectedPurchase,
            Integer recencyScore,
            Integer frequencyScore,
            Integer monetaryScore,
            @Schema(examples = "loyal") String rfmSegment,
            BigDecimal historicalClv,
            BigDecimal predictedClv,
            Double probabilityAlive,
            Instant computedAt) {

        static Kpis of(PurchaseKpis k) {
            return new Kpis(
                    k.currency(),
                    k.totalRevenue(),
                    k.orderCount(),
                    k.averageOrderValue(),
                    k.firstPurchase(),
                    k.lastPurchase(),
                    k.nextExpectedPurchase(),
                    k.recencyScore(),
                    k.frequencyScore(),
                    k.monetaryScore(),
                    k.rfmSegment(),
                    k.historicalClv(),
                    k.predictedClv(),
                    k.probabilityAlive(),
                    k.computedAt());
        }
    }

    @Schema(name = "View360WebVisits")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WebVisitsView(Instant lastVisit, long visits, List<WebVisits.PageViews> topPages) {}

    /** {@code customer}: the master data as the caller's role sees it (null for a restricted customer). */
    static CustomerView360 of(CustomerOverview o, CustomerView customer) {
        if (o.restricted()) {
            return new CustomerView360(o.id(), true, null, null, null, null, null, null, null);
        }
        return new CustomerView360(
                o.id(),
                false,
                customer,
                part(o.consents(), CustomerView360::consents),
                part(o.kpis(), Kpis::of),
                part(o.webVisits(), v -> new WebVisitsView(v.lastVisit(), v.visits(), v.topPages())),
                o.timeline().stream().map(TimelineEntryView::of).toList(),
                o.followUps() == null
                        ? null
                        : o.followUps().stream().map(FollowUpView::of).toList(),
                o.latestFeedback() == null ? null : FeedbackView.of(o.latestFeedback()));
    }

    private static Consents consents(List<ConsentState> states) {
        return new Consents(states.stream()
                .map(s -> new Decision(s.purpose(), s.allowed(), s.legalBasis(), s.reason(), s.entryId()))
                .toList());
    }

    private static <T> Object part(OverviewPart<T> part, java.util.function.Function<T, Object> view) {
        return switch (part) {
            case OverviewPart.Shown<T> shown -> view.apply(shown.value());
            case OverviewPart.Unavailable<T> u -> new Marker(u.reason(), null, null, null);
            case OverviewPart.NotPermitted<T> n -> new Marker(null, true, null, null);
            case OverviewPart.NotConsented<T> n -> new Marker(null, null, n.reason(), null);
            case OverviewPart.NoData<T> n -> new Marker(null, null, null, n.reason());
        };
    }
}
