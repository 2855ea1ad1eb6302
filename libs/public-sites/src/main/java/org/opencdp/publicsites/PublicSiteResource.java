package org.opencdp.publicsites;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.caller.Roles;
import org.opencdp.problem.ProblemException;

/** The websites that may call the service's public endpoints: their keys, origins and limits. Admin only. */
@Path("/api/v1/sites")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sites", description = "Websites that call the public endpoints, with their public site keys")
public class PublicSiteResource {

    static final String INPUT_EXAMPLE = """
            {"name":"Outdoor shop","allowedOrigins":["https://shop.example","https://www.shop.example"],
             "requestsPerMinute":600}""";
    static final String VIEW_EXAMPLE = """
            {"siteKey":"site_k3x9q2m7v8p4r1t6w0yz","name":"Outdoor shop",
             "allowedOrigins":["https://shop.example","https://www.shop.example"],"requestsPerMinute":600,
             "enabled":true,"createdAt":"2026-11-26T14:00:00Z"}""";

    @Inject
    PublicSites sites;

    public record SiteInput(
            @Size(max = 65)
            @Schema(
                    description = "Only on registration, optional: the key the website already uses at another "
                            + "OpenCDP service (one key for the website's tracker and cookie banner); generated "
                            + "when absent. The key never changes afterwards.",
                    examples = "site_k3x9q2m7v8p4r1t6w0yz")
            String siteKey,

            @NotBlank @Size(max = 200) @Schema(examples = "Outdoor shop")
            String name,

            @NotNull
            @Size(min = 1, max = 20)
            @Schema(
                    description = "Origins the site's pages are served from, exactly as browsers send them in the "
                            + "Origin header: scheme, host, optional port",
                    examples = "[\"https://shop.example\"]")
            List<@NotNull String> allowedOrigins,

            @Schema(
                    description = "Requests a minute the site may make (per replica of the service), regained "
                            + "evenly; the service's default when absent",
                    examples = "600")
            Integer requestsPerMinute,

            @Schema(description = "false refuses the site's requests (403) without forgetting it; true when absent")
            Boolean enabled) {

        PublicSites.Registration registration() {
            return new PublicSites.Registration(siteKey, name, allowedOrigins, requestsPerMinute, enabled);
        }
    }

    public record SiteView(
            @Schema(description = "The public key the site's pages embed", examples = "site_k3x9q2m7v8p4r1t6w0yz")
            String siteKey,

            String name,
            List<String> allowedOrigins,
            int requestsPerMinute,
            boolean enabled,
            Instant createdAt) {

        static SiteView of(PublicSite site) {
            return new SiteView(
                    site.siteKey(),
                    site.name(),
                    site.allowedOrigins(),
                    site.requestsPerMinute(),
                    site.enabled(),
                    site.createdAt());
        }
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "createSite",
            summary = "Register a website",
            description = "Only pages from the allowed origins may call the public endpoints with the site's key. "
                    + "The key is generated unless given (to use one key for a website at several services). "
                    + "Roles: admin.")
    @RequestBody(required = true, content = @Content(examples = @ExampleObject(name = "shop", value = INPUT_EXAMPLE)))
    @APIResponse(
            responseCode = "201",
            description = "Registered; Location names it",
            content =
                    @Content(
                            schema = @Schema(implementation = SiteView.class),
                            examples = @ExampleObject(name = "shop", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "A site with this key exists already")
    public Response create(@Valid SiteInput input) {
        SiteView created = SiteView.of(sites.create(body(input).registration()));
        return Response.created(URI.create("/api/v1/sites/" + created.siteKey()))
                .entity(created)
                .build();
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listSites", summary = "List the websites", description = "Roles: admin.")
    @APIResponse(
            responseCode = "200",
            description = "All sites, by key",
            content = @Content(examples = @ExampleObject(name = "one site", value = "[" + VIEW_EXAMPLE + "]")))
    public List<SiteView> list() {
        return sites.list().stream().map(SiteView::of).toList();
    }

    @GET
    @Path("/{siteKey}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "getSite", summary = "Get a website", description = "Roles: admin.")
    @APIResponse(
            responseCode = "200",
            description = "The site",
            content =
                    @Content(
                            schema = @Schema(implementation = SiteView.class),
                            examples = @ExampleObject(name = "shop", value = VIEW_EXAMPLE)))
    public SiteView get(@Parameter(example = "site_demo") @PathParam("siteKey") String siteKey) {
        return SiteView.of(sites.get(siteKey));
    }

    @PUT
    @Path("/{siteKey}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "replaceSite",
            summary = "Change a website's name, origins, limit or whether it is enabled",
            description = "The key stays (the site's pages embed it); to rotate it, register the site again with a "
                    + "new key, embed that, then disable and remove the old one. Roles: admin.")
    @RequestBody(required = true, content = @Content(examples = @ExampleObject(name = "shop", value = INPUT_EXAMPLE)))
    @APIResponse(
            responseCode = "200",
            description = "The site as it is now",
            content =
                    @Content(
                            schema = @Schema(implementation = SiteView.class),
                            examples = @ExampleObject(name = "shop", value = VIEW_EXAMPLE)))
    public SiteView replace(
            @Parameter(example = "site_demo") @PathParam("siteKey") String siteKey, @Valid SiteInput input) {
        if (body(input).siteKey() != null && !input.siteKey().equals(siteKey)) {
            throw ProblemException.invalidField("siteKey", "cannot change: register the site with a new key instead");
        }
        return SiteView.of(sites.replace(siteKey, input.registration()));
    }

    @DELETE
    @Path("/{siteKey}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "deleteSite",
            summary = "Remove a website",
            description = "Its key is refused from then on (404); what was recorded through it stays. Roles: admin.")
    @APIResponse(responseCode = "204", description = "Removed")
    public void delete(@Parameter(example = "site_demo") @PathParam("siteKey") String siteKey) {
        sites.delete(siteKey);
    }

    private static SiteInput body(SiteInput input) {
        if (input == null) {
            throw ProblemException.badRequest("A body is required.");
        }
        return input;
    }
}
