package org.opencdp.retention.client;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
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

    /** The participant that keeps the purpose catalog: one configured name, as the participants themselves are. */
    @ConfigProperty(name = "opencdp.records.purpose-catalog-participant", defaultValue = "consent-service")
    String catalogOwner;

    public ParticipantAnswer<List<CatalogPurpose>> catalog() {
        return participants.ask(catalogOwner, PurposeCatalogApi.class, PurposeCatalogApi::list);
    }
}
