package org.opencdp.profile.client;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.smallrye.mutiny.Uni;

/**
 * The other services' endpoints the 360° view reads, as they are on the wire (their OpenAPI documents), each called
 * with the caller's own token. Every method answers the raw response, so the view decides what a 403 or a 404 means.
 */
public final class OverviewApis {

    private OverviewApis() {}

    /** behaviour-service: operation getCustomerKpis. */
    @Path("/api/v1/customers/{subjectId}/kpis")
    @Produces(MediaType.APPLICATION_JSON)
    public interface Kpis {

        @GET
        Uni<Response> of(
                @PathParam("subjectId") String subjectId, @HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);
    }

    /** tracking-service: operation subjectWebActivity. */
    @Path("/api/v1/subjects/{subjectId}/web-activity")
    @Produces(MediaType.APPLICATION_JSON)
    public interface WebActivity {

        @GET
        Uni<Response> of(
                @PathParam("subjectId") String subjectId, @HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);
    }

    /** consent-service: operation decideBatch. */
    @Path("/api/v1/decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public interface Decisions {

        @POST
        Uni<Response> decide(DecisionRequest request, @HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Pair(String subjectId, String purpose) {}

    public record DecisionRequest(List<Pair> pairs) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Decision(String purpose, boolean allowed, String legalBasis, java.util.UUID entryId, String reason) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DecisionResponse(List<Decision> decisions) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WireKpis(
            String currency,
            java.math.BigDecimal totalRevenue,
            Integer orderCount,
            java.math.BigDecimal averageOrderValue,
            java.time.Instant firstPurchase,
            java.time.Instant lastPurchase,
            java.time.LocalDate nextExpectedPurchase,
            Integer recencyScore,
            Integer frequencyScore,
            Integer monetaryScore,
            String rfmSegment,
            java.math.BigDecimal historicalClv,
            java.math.BigDecimal predictedClv,
            Double probabilityAlive,
            java.time.Instant computedAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WirePageViews(String url, long views) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WireWebActivity(java.time.Instant lastVisit, long visits, List<WirePageViews> topPages) {}
}
