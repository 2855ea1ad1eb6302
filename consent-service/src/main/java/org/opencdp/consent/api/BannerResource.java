package org.opencdp.consent.api;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import org.opencdp.consent.domain.Holder;
import org.opencdp.consent.domain.RecordedBy;
import org.opencdp.consent.service.BannerConsents;
import org.opencdp.problem.ProblemException;
import org.opencdp.publicsites.RequestSite;
import org.opencdp.publicsites.SiteKeyed;

/**
 * The cookie banner's endpoints: public, because a website's visitors have no token. libs/public-sites guards the
 * door (site key, allowed origins, enabled, per-site rate limit); through it a site reads the purposes and records
 * consent for visitor ids only, never for a subject.
 */
@Path("/api/v1/public/sites/{siteKey}")
@SiteKeyed
@Tag(
        name = "Cookie banner",
        description = "Public endpoints for a website's cookie banner: no token, a site key and the site's origins")
public class BannerResource {

    private static final String DOOR = " Public: the site key names the website; only pages from its allowed origins "
            + "(Origin header) may call, within the site's rate limit.";

    @Inject
    BannerConsents banner;

    @Inject
    RequestSite requestSite;

    @GET
    @Path("/purposes")
    // Public on purpose: a banner shows the purposes before anyone is known; the texts are public anyway.
    @PermitAll
    @SecurityRequirements({})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "bannerPurposes",
            summary = "The purposes a cookie banner asks about",
            description = "Every purpose resting on consent (except double opt-in ones such as the newsletter, which "
                    + "need an e-mail address), with the current version's text in `lang`, else in its primary "
                    + "language, else in the service's default language. Send `version`, `language` and "
                    + "`textHash` back with the choice." + DOOR)
    @APIResponse(
            responseCode = "200",
            description = "The purposes, by id",
            content = @Content(examples = @ExampleObject(name = "two", value = BannerViews.PURPOSES_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "No or another Origin than the site's, or the site is disabled")
    @APIResponse(responseCode = "404", description = "No site has this key")
    @APIResponse(
            responseCode = "429",
            description = "The site made more requests than its limit allows",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)))
    public List<BannerViews.PurposeView> purposes(
            @Parameter(description = "The website's public key", example = "site_demo") @PathParam("siteKey")
                    String siteKey,
            @Parameter(description = "The visitor's language, e.g. from navigator.language", example = "de")
                    @QueryParam("lang")
                    String language) {
        return banner.purposes(language).stream()
                .map(BannerViews.PurposeView::of)
                .toList();
    }

    @POST
    @Path("/consents")
    // Public on purpose: website visitors have no token. The site key, its origins and its limit guard the door; only
    // visitor ids (128 random bits) can be named, never a subject.
    @PermitAll
    @SecurityRequirements({})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "recordBannerChoice",
            summary = "Record a visitor's choice in the cookie banner",
            description = "Accept all, reject all or per purpose in one call, all or nothing: each choice names the "
                    + "version, language and `textHash` the banner showed (from the purposes). Granted purposes are "
                    + "recorded as GRANT, the others revoked (a purpose never granted: `changed: false`, nothing "
                    + "recorded), with channel COOKIE_BANNER, recorded by the site. A visitor id is 32 lowercase hex "
                    + "digits (128 random bits from `crypto.getRandomValues`); a body naming a `subjectId` is "
                    + "refused: consent for a known customer is recorded by authenticated channels."
                    + DOOR)
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = BannerViews.ChoiceInput.class),
                            examples = @ExampleObject(name = "analytics only", value = BannerViews.CHOICE_EXAMPLE)))
    @APIResponse(
            responseCode = "200",
            description = "Recorded; the very next decision reflects it",
            content = @Content(examples = @ExampleObject(name = "recorded", value = BannerViews.CHOSEN_EXAMPLE)))
    @APIResponse(
            responseCode = "400",
            description = "A visitor id not in the format, a subjectId, a missing field; nothing recorded")
    @APIResponse(responseCode = "403", description = "No or another Origin than the site's, or the site is disabled")
    @APIResponse(responseCode = "404", description = "No site has this key")
    @APIResponse(responseCode = "409", description = "The visitor's data was erased; nothing is recorded for it")
    @APIResponse(
            responseCode = "422",
            description = "An unknown purpose or version, a purpose banners do not ask about, a purpose chosen twice, "
                    + "or a textHash that is not the version's text in the language; nothing recorded")
    @APIResponse(
            responseCode = "429",
            description = "The site made more requests than its limit allows",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)))
    public BannerViews.ChosenView choose(
            @Parameter(description = "The website's public key", example = "site_demo") @PathParam("siteKey")
                    String siteKey,
            @Valid BannerViews.ChoiceInput input) {
        if (input == null) {
            throw ProblemException.badRequest("The request needs a body.");
        }
        if (input.subjectId() != null) {
            throw ProblemException.invalidField(
                    "subjectId",
                    "a website records consent for visitor ids only; a customer's consent is recorded by "
                            + "authenticated channels");
        }
        Holder visitor = Holders.visitor("visitorId", input.visitorId());
        List<BannerConsents.ChoiceOutcome> outcomes = banner.choose(
                visitor,
                input.language(),
                input.choices().stream()
                        .map(BannerViews.PurposeChoice::toChoice)
                        .toList(),
                new RecordedBy(RecordedBy.Kind.SITE, requestSite.site().siteKey()));
        return new BannerViews.ChosenView(
                input.visitorId(),
                outcomes.stream().map(BannerViews.Outcome::of).toList());
    }

    @GET
    @Path("/visitors/{visitorId}/consents")
    // Public on purpose: the visitor id is the credential. It is 128 random bits held by the visitor's browser, so
    // nobody can guess another visitor's; what it shows is that visitor's own choices, nothing personal.
    @PermitAll
    @SecurityRequirements({})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "visitorBannerConsents",
            summary = "A visitor's current decisions and own history",
            description = "For each purpose banners ask about, whether it is allowed now and why; and the visitor's "
                    + "own ledger entries (oldest first, at most 500) with their proofs: version, language, text "
                    + "hash, channel, time, and who recorded it by kind only. The visitor id is the credential "
                    + "(128 random bits the visitor's browser holds)." + DOOR)
    @APIResponse(
            responseCode = "200",
            description = "Decisions and history",
            content = @Content(examples = @ExampleObject(name = "analytics", value = BannerViews.VISITOR_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The visitor id is not 32 lowercase hex digits")
    @APIResponse(responseCode = "403", description = "No or another Origin than the site's, or the site is disabled")
    @APIResponse(responseCode = "404", description = "No site has this key")
    @APIResponse(
            responseCode = "429",
            description = "The site made more requests than its limit allows",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)))
    public BannerViews.VisitorView visitor(
            @Parameter(description = "The website's public key", example = "site_demo") @PathParam("siteKey")
                    String siteKey,
            @Parameter(description = "32 lowercase hex digits", example = ConsentExamples.VISITOR)
                    @PathParam("visitorId")
                    String visitorId) {
        return BannerViews.VisitorView.of(visitorId, banner.of(Holders.visitor("visitorId", visitorId)));
    }

    @OPTIONS
    @Path("/{path: .+}")
    // Public on purpose: a CORS preflight never carries credentials.
    @PermitAll
    @SecurityRequirements({})
    @Operation(
            operationId = "bannerPreflight",
            summary = "CORS preflight of the cookie banner's endpoints",
            description = "Browsers ask before a POST of JSON. Answered for the site's origins only.")
    @APIResponse(responseCode = "204", description = "The origin may call with GET and POST, Content-Type")
    @APIResponse(responseCode = "403", description = "No or another Origin than the site's, or the site is disabled")
    @APIResponse(responseCode = "404", description = "No site has this key")
    public Response preflight(
            @Parameter(description = "The website's public key", example = "site_demo") @PathParam("siteKey")
                    String siteKey,
            @PathParam("path") String path) {
        return requestSite.preflight();
    }
}
