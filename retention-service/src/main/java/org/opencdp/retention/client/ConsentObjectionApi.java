package org.opencdp.retention.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

/** consent-service's objection endpoint (consent-service/README.md, "Objection"); objecting again changes nothing. */
@Path("/api/v1/subjects/{id}/objection")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface ConsentObjectionApi {

    /** consent-service's channels: a letter or a visit is PAPER, an e-mail too (a written request). */
    record Objection(String channel, String proofReference) {}

    @POST
    JsonNode record(@PathParam("id") String subjectId, Objection objection);
}
