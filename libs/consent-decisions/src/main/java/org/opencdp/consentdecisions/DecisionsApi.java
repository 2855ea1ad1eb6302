package org.opencdp.consentdecisions;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** consent-service's batch decision endpoint as it is on the wire (its OpenAPI document: operation decideBatch). */
@Path("/api/v1/decisions")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface DecisionsApi {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record WirePair(String subjectId, String visitorId, String purpose) {}

    record DecisionRequest(List<WirePair> pairs) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record WireDecision(
            String subjectId,
            String visitorId,
            String purpose,
            boolean allowed,
            String legalBasis,
            java.util.UUID entryId,
            String reason) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DecisionResponse(List<WireDecision> decisions) {}

    @POST
    DecisionResponse decide(DecisionRequest request);
}
