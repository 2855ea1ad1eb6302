package org.opencdp.consent.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.consent.service.BannerSettings;
import org.opencdp.problem.ProblemException;

/**
 * The cookie banner example for frontend teams (consent-service/README.md): a page on the public API with the
 * tracker of tracking-service. Only where {@code opencdp.consent.banner.demo-page} is on (the local run and tests);
 * production answers 404.
 */
@Path("/consent/banner-demo.html")
@Tag(
        name = "Cookie banner",
        description = "Public endpoints for a website's cookie banner: no token, a site key and the site's origins")
public class BannerDemoPage {

    @Inject
    BannerSettings settings;

    @GET
    // Public on purpose: a demo web page for the local run, showing only what the public API shows.
    @PermitAll
    @SecurityRequirements({})
    @Produces(MediaType.TEXT_HTML)
    @Operation(
            operationId = "bannerDemoPage",
            summary = "The cookie banner demo page (local run only)",
            description = "A page that shows the banner purposes, records accept all, reject all or a selection for "
                    + "the tracker's visitor id, then starts or stops the tracker, and shows the visitor's "
                    + "decisions and history. 404 unless opencdp.consent.banner.demo-page is on.")
    @APIResponse(responseCode = "200", description = "The page")
    @APIResponse(responseCode = "404", description = "Not in this deployment")
    public String page() {
        if (!settings.demoPage()) {
            throw ProblemException.notFound("No such page.");
        }
        try (InputStream in = getClass().getResourceAsStream("/banner-demo/banner-demo.html")) {
            String page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return page.replace("${trackingUrl}", settings.demoTrackingUrl());
        } catch (IOException e) {
            throw new UncheckedIOException("the banner demo page is missing from the build", e);
        }
    }
}
