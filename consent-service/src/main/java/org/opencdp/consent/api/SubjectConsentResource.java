package org.opencdp.consent.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.caller.Roles;
import org.opencdp.consent.domain.HistoryEntry;
import org.opencdp.consent.service.ConsentHistory;
import org.opencdp.requestparameters.RequestParameters;

/** What the DPO sees of one subject: the consent history with its proofs. */
@Path("/api/v1/subjects/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subjects", description = "A subject's consent history and objection")
public class SubjectConsentResource {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 200;

    @Inject
    ConsentHistory history;

    @GET
    @Path("/consents")
    @RolesAllowed(Roles.DPO)
    @Operation(
            operationId = "getConsentHistory",
            summary = "A subject's consent history with proofs",
            description = "Every ledger entry of the subject and of the visitors linked to it, oldest first, with its "
                    + "proof: purpose version, language and text hash, channel, time, who recorded it, the reference "
                    + "to the original, and for double opt-in the address. Kept entries of an erased subject (legal "
                    + "hold) are shown too. The read is recorded in the audit trail. Roles: dpo.",
            extensions = @Extension(name = "x-opencdp-never-404", value = "true"))
    @APIResponse(responseCode = "200", description = "One page; an unknown subject has an empty history")
    public HistoryPage get(
            @Parameter(example = ConsentExamples.SUBJECT) @PathParam("id") String id,
            @Parameter(description = "From the previous page's next") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200", example = "50") @QueryParam("limit") String limit) {
        int size = RequestParameters.pageSize("limit", limit, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        List<HistoryEntry> page =
                history.page(RequestParameters.uuid("id", id), RequestParameters.cursor("cursor", cursor), size + 1);
        List<HistoryEntryView> items =
                page.stream().limit(size).map(HistoryEntryView::of).toList();
        String next =
                page.size() > size ? RequestParameters.cursorOf(items.getLast().entryId()) : null;
        return new HistoryPage(items, next);
    }
}
