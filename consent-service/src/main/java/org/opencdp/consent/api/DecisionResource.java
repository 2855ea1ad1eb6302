package org.opencdp.consent.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.caller.Roles;
import org.opencdp.consent.domain.DecisionQuery;
import org.opencdp.consent.service.Decisions;
import org.opencdp.problem.ProblemException;

/** The decision API: may a purpose be pursued for a subject or visitor now? */
@Path("/api/v1/decisions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Decisions", description = "Allowed or denied, with the legal basis and the ledger entry behind it")
public class DecisionResource {

    private static final String RULE = " A consent purpose is allowed while its consent is in force (GRANTED); "
            + "otherwise NOT_GRANTED, REVOKED or PENDING_CONFIRMATION (double opt-in). Contract and legal obligation "
            + "are allowed (LEGAL_BASIS), legitimate interest too unless the subject objected; after an objection "
            + "legitimate interest and direct marketing are OBJECTED. An erased holder gets ERASED for everything. "
            + "Read-your-writes: a withdrawal acknowledged before is always seen. Decisions are not written to the "
            + "audit trail. Roles: svc-tracking, svc-behaviour, svc-profile, sales, service, marketing.";

    @Inject
    Decisions decisions;

    @POST
    @RolesAllowed({
        Roles.SVC_TRACKING,
        Roles.SVC_BEHAVIOUR,
        Roles.SVC_PROFILE,
        Roles.SALES,
        Roles.SERVICE,
        Roles.MARKETING
    })
    @Operation(
            operationId = "decideBatch",
            summary = "Decide up to 1,000 pairs at once",
            description = "One answer per pair, in the order sent. More than 1,000 pairs, or an unknown purpose, "
                    + "refuses the whole batch." + RULE)
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = DecisionBatchInput.class),
                            examples = @ExampleObject(name = "two pairs", value = ConsentExamples.DECISION_INPUT)))
    @APIResponse(
            responseCode = "200",
            description = "The decisions in the order of the pairs",
            content = @Content(examples = @ExampleObject(name = "decisions", value = ConsentExamples.DECISIONS)))
    @APIResponse(responseCode = "422", description = "A purpose is not in the catalog")
    public DecisionsView decideAll(@Valid DecisionBatchInput input) {
        if (input == null) {
            throw ProblemException.badRequest("The request needs a body.");
        }
        List<DecisionQuery> queries = new ArrayList<>(input.pairs().size());
        for (int i = 0; i < input.pairs().size(); i++) {
            DecisionPair pair = input.pairs().get(i);
            queries.add(new DecisionQuery(
                    Holders.of(pair.subjectId(), pair.visitorId(), "pairs[" + i + "]."), pair.purpose()));
        }
        return new DecisionsView(
                decisions.decideAll(queries).stream().map(DecisionView::of).toList());
    }

    /**
     * Answered without blocking (the request stays on the event loop until its answer is ready): the decision waits
     * for the next decision statement, which decides every single decision queued meanwhile ({@link Decisions}).
     */
    @GET
    @RolesAllowed({
        Roles.SVC_TRACKING,
        Roles.SVC_BEHAVIOUR,
        Roles.SVC_PROFILE,
        Roles.SALES,
        Roles.SERVICE,
        Roles.MARKETING
    })
    @Operation(operationId = "decide", summary = "Decide one pair", description = "One holder and purpose." + RULE)
    @APIResponse(
            responseCode = "200",
            description = "The decision",
            content = @Content(examples = @ExampleObject(name = "granted", value = ConsentExamples.DECISION)))
    @APIResponse(responseCode = "422", description = "The purpose is not in the catalog")
    public CompletionStage<DecisionView> decide(
            @Parameter(description = "The subject; or visitorId", example = ConsentExamples.SUBJECT)
                    @QueryParam("subjectId")
                    String subjectId,
            @Parameter(description = "The visitor: 32 lowercase hex digits", example = ConsentExamples.VISITOR)
                    @QueryParam("visitorId")
                    String visitorId,
            @Parameter(description = "The purpose", example = "newsletter", required = true) @QueryParam("purpose")
                    String purpose) {
        if (purpose == null || purpose.isBlank() || purpose.length() > 64) {
            throw ProblemException.invalidField("purpose", "is required: a purpose id from the catalog");
        }
        return decisions
                .decide(new DecisionQuery(Holders.of(subjectId, visitorId, ""), purpose))
                .thenApply(DecisionView::of);
    }
}
