package org.opencdp.retention.client;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.opencdp.retention.domain.CatalogPurpose;
import org.opencdp.subjectrights.client.ParticipantAnswer;
import org.opencdp.subjectrights.client.SubjectRightsParticipants;

/** consent-service's purpose catalog (consent-service/README.md, "Purpose catalog"): the purposes' legal bases. */
@ApplicationScoped
public class ConsentPurposes {

    @Path("/api/v1/purposes")
    @Produces(MediaType.APPLICATION_JSON)
    public interface PurposeCatalogApi {
        @GET
        List<CatalogPurpose> list();
    }

    @Inject
    SubjectRightsParticipants participants;

    public ParticipantAnswer<List<CatalogPurpose>> catalog() {
        return participants.ask(Objections.PARTICIPANT, PurposeCatalogApi.class, PurposeCatalogApi::list);
    }
}
