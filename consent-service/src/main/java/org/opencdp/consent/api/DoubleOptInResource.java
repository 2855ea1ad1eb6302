package org.opencdp.consent.api;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.consent.domain.RecordedBy;
import org.opencdp.consent.service.DoubleOptIn;
import org.opencdp.problem.ProblemException;

/**
 * The link in the double opt-in mail. Public on purpose: the person clicking it has no account, and the token in the
 * path (256 random bits, single use, expiring) is the credential.
 */
@Path("/api/v1/public/double-opt-in/{token}")
@Tag(name = "Double opt-in", description = "Confirming a newsletter (double opt-in) consent with the mailed link")
public class DoubleOptInResource {

    /** The person who owns the mailbox confirms; the ledger names the link as the recorder. */
    private static final RecordedBy LINK = new RecordedBy(RecordedBy.Kind.SITE, "double-opt-in-link");

    private static final String TOKEN = "The token from the mailed link (43 characters, base64url)";

    @Inject
    DoubleOptIn doubleOptIn;

    @POST
    // Public on purpose: the token is the credential (see the class comment).
    @PermitAll
    @SecurityRequirements({})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "confirmDoubleOptIn",
            summary = "Confirm a double opt-in (API)",
            description = "Redeems the token of a confirmation mail: the pending consent comes into force (a CONFIRM "
                    + "ledger entry). Each token works once and for `opencdp.consent.opt-in-token-lifetime` (72 h) "
                    + "after the mail was sent. Public: the token is the credential.")
    @APIResponse(
            responseCode = "200",
            description = "Confirmed: the consent is GRANTED",
            content = @Content(schema = @Schema(implementation = RecordedView.class)))
    @APIResponse(
            responseCode = "422",
            description = "Unknown, used or expired token, or the consent was withdrawn since; nothing was recorded")
    public RecordedView confirm(@Parameter(description = TOKEN) @PathParam("token") String token) {
        return RecordedView.of(doubleOptIn.confirm(token, LINK));
    }

    @GET
    // Public on purpose: the token is the credential (see the class comment).
    @PermitAll
    @SecurityRequirements({})
    @Produces(MediaType.TEXT_HTML)
    @Operation(
            operationId = "showDoubleOptInPage",
            summary = "The page the mailed link opens",
            description = "A page with one button that confirms (a form POST to the same address). Opening the link "
                    + "changes nothing: mail scanners and link previews open links on their own, and a consent must "
                    + "come from the person. Public: the token is the credential.")
    @APIResponse(
            responseCode = "200",
            description = "The confirmation page with its button",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    public Response confirmationPage(@Parameter(description = TOKEN) @PathParam("token") String token) {
        return page(
                200,
                "Confirm your subscription",
                "Please confirm that you want to receive the newsletter.",
                "<form method=\"post\"><input type=\"hidden\" name=\"confirm\" value=\"yes\">"
                        + "<button type=\"submit\">Confirm subscription</button></form>");
    }

    @POST
    // Public on purpose: the token is the credential (see the class comment).
    @PermitAll
    @SecurityRequirements({})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(
            operationId = "confirmDoubleOptInFromPage",
            summary = "Confirm a double opt-in (the page's button)",
            description = "What the confirmation page's button sends: confirms like the JSON POST and answers a small "
                    + "HTML page saying so, or why not (same statuses). Public: the token is the credential.")
    @APIResponse(
            responseCode = "200",
            description = "Confirmed",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(
            responseCode = "422",
            description = "Unknown, used or expired token, or the consent was withdrawn since; nothing was recorded. "
                    + "The body is an HTML error page for the person, not problem+json")
    public Response confirmFromPage(@Parameter(description = TOKEN) @PathParam("token") String token) {
        try {
            doubleOptIn.confirm(token, LINK);
            return page(200, "Subscription confirmed", "Thank you: your subscription is confirmed.", "");
        } catch (ProblemException e) {
            return page(e.type().status(), "Not confirmed", e.getMessage(), "");
        }
    }

    /** {@code form} is markup of this class, never text from a request. */
    private static Response page(int status, String title, String message, String form) {
        String html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title></head>\n<body><h1>" + escape(title) + "</h1>\n<p>" + escape(message) + "</p>" + form
                + "</body></html>\n";
        // The token is in the URL: no copy in caches, no Referer leaving the page.
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .entity(html)
                .build();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
