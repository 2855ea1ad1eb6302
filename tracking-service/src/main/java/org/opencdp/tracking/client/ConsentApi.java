package org.opencdp.tracking.client;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * consent-service's batch decision API (issue 10): at most 1,000 pairs of holder and purpose per call, one decision
 * per pair in the order asked.
 */
@Path("/api/v1/decisions")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface ConsentApi {

    int MAX_PAIRS = 1000;

    @POST
    DecisionsAnswer decide(DecisionsRequest request);

    record DecisionsRequest(List<Pair> pairs) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Pair(UUID subjectId, String visitorId, String purpose) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DecisionsAnswer(List<Decision> decisions) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Decision(
            UUID subjectId,
            String visitorId,
            String purpose,
            Boolean allowed,
            String legalBasis,
            UUID entryId,
            String reason) {}
}
