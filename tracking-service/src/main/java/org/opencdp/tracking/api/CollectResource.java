package org.opencdp.tracking.api;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.publicsites.RequestSite;
import org.opencdp.publicsites.SiteKeyed;
import org.opencdp.tracking.service.IngestionService;

/**
 * Browser batches from the JS tracker (tracking-service/README.md, "Tracker protocol"). Public: a website's
 * visitors have no token; the site key, the site's allowed origins and its rate limit (libs/public-sites) say which
 * pages may send how much, and the consent gate decides what is stored.
 */
@Path("/api/v1/collect/{siteKey}")
@SiteKeyed
@Tag(name = "Collect", description = "Web events from browsers (the JS tracker); no token, a site key")
public class CollectResource {

    @Inject
    RequestSite requestSite;

    @Inject
    IngestionService ingestion;

    @POST
    // Public on purpose: website visitors have no token. The site key and its allowed origins restrict the senders;
    // nothing is stored without the visitor's consent.
    @PermitAll
    @SecurityRequirements({})
    @Consumes({MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "collectEvents",
            summary = "Send a batch of web events from a website",
            description =
                    "The JS tracker's batches, sent as `text/plain;charset=UTF-8` with JSON inside (no CORS "
                            + "preflight) or as `application/json`. Each event gets a result: `accepted` (stored with the "
                            + "consent ledger entry it was collected under), `duplicate` (stored before, in this batch or an "
                            + "earlier one: kept once), `dropped` (`no-consent` or `restricted`: counted, not stored) "
                            + "or `rejected` (malformed, with the reason; the other events are kept). Personal query "
                            + "parameters and fragments are stripped from url and referrer, the user agent is reduced to "
                            + "browser, major version and device class, the IP address is not kept. When consent-service "
                            + "cannot decide nothing is stored: 503 with Retry-After, send the batch again then. Public: "
                            + "the site key and its allowed origins (Origin header) say who may send, the site's rate limit how much.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.TEXT_PLAIN,
                            schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "batch", value = CollectAnswer.EXAMPLE_BATCH)))
    @APIResponse(
            responseCode = "200",
            description = "Every event has a result",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CollectAnswer.class),
                            examples = @ExampleObject(name = "one rejected", value = CollectAnswer.EXAMPLE_ANSWER)))
    @APIResponse(responseCode = "400", description = "Not a JSON object {\"events\": [...]}; nothing was stored")
    @APIResponse(
            responseCode = "403",
            description = "The request has no Origin header, the site does not allow its origin, or the site is "
                    + "disabled")
    @APIResponse(responseCode = "404", description = "No site has this key")
    @APIResponse(
            responseCode = "429",
            description = "The site made more requests than its limit allows; send again after Retry-After seconds",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)))
    @APIResponse(
            responseCode = "413",
            description = "More events or bytes than a batch may have (100 events, 64 KiB by default); nothing was "
                    + "stored")
    @APIResponse(
            responseCode = "503",
            description = "consent-service cannot decide: nothing was stored (fail closed); send again after "
                    + "Retry-After seconds",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)))
    public CollectAnswer collect(
            @Parameter(description = "The website's public key", example = "site_demo") @PathParam("siteKey")
                    String siteKey,
            @HeaderParam(HttpHeaders.USER_AGENT) String userAgent,
            String body) {
        return CollectAnswer.of(ingestion.collectFromSite(requestSite.site(), userAgent, body));
    }

    @OPTIONS
    // Public on purpose: a CORS preflight never carries credentials.
    @PermitAll
    @SecurityRequirements({})
    @Operation(
            operationId = "collectEventsPreflight",
            summary = "CORS preflight of the collect endpoint",
            description = "Browsers ask before sending JSON as `application/json`; the tracker sends `text/plain` "
                    + "and needs no preflight. Allowed for the site's origins only.")
    @APIResponse(responseCode = "204", description = "The origin may POST batches")
    @APIResponse(
            responseCode = "403",
            description = "The request has no Origin header, the site does not allow its origin, or the site is "
                    + "disabled")
    @APIResponse(responseCode = "404", description = "No site has this key")
    @APIResponse(responseCode = "429", description = "The site made more requests than its limit allows")
    public Response preflight(
            @Parameter(description = "The website's public key", example = "site_demo") @PathParam("siteKey")
                    String siteKey) {
        return requestSite.preflight();
    }
}
