package org.opencdp.profile.client;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** consent-service's batch decision API, as far as profile-service uses it (called through ServiceClients). */
@Path("/api/v1/decisions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ConsentDecisionsApi {

    /** consent-service answers at most this many pairs per call. */
    int MAX_PAIRS = 1_000;

    @POST
    Answers decideAll(Question question);

    record Question(List<Pair> pairs) {}

    record Pair(String subjectId, String purpose) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answers(List<Answer> decisions) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(String subjectId, String purpose, boolean allowed) {}
}
