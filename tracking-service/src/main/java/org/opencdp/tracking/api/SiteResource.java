package org.opencdp.tracking.api;

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
import org.opencdp.tracking.domain.Site;
import org.opencdp.tracking.service.SiteService;

/** The websites that may send browser events: their public keys and allowed origins. Admin only. */
@Path("/api/v1/sites")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sites", description = "Websites that send browser events, with their public site keys")
public class SiteResource {

    static final String INPUT_EXAMPLE = """
            {"name":"Outdoor shop","allowedOrigins":["https://shop.example","https://www.shop.example"]}""";
    static final String VIEW_EXAMPLE = """
            {"siteKey":"site_k3x9q2m7v8p4r1t6w0yz","name":"Outdoor shop",
             "allowedOrigins":["https://shop.example","https://www.shop.example"],"createdAt":"2026-11-26T14:00:00Z"}""";

    @Inject
    SiteService sites;

    public record SiteInput(
            @NotBlank @Size(max = 200) @Schema(examples = "Outdoor shop")
            String name,

            @NotNull
            @Size(min = 1, max = 20)
            @Schema(
                    description = "Origins the site's pages are served from: scheme, host, optional port",
                    examples = "[\"https://shop.example\"]")
            List<@NotNull String> allowedOrigins) {}

    public record SiteView(
            @Schema(
                    description = "The public key, for the tracker's data-site-key",
                    examples = "site_k3x9q2m7v8p4r1t6w0yz")
            String siteKey,

            String name,
            List<String> allowedOrigins,
            Instant createdAt) {

        static SiteView of(Site site) {
            return new SiteView(site.siteKey(), site.name(), site.allowedOrigins(), site.createdAt());
        }
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "createSite",
            summary = "Register a website",
            description = "Generates the site's public key. Only pages from the allowed origins may send events "
                    + "with it. Roles: admin.")
    @RequestBody(required = true, content = @Content(examples = @ExampleObject(name = "shop", value = INPUT_EXAMPLE)))
    @APIResponse(
            responseCode = "201",
            description = "Registered; Location names it",
            content =
                    @Content(
                            schema = @Schema(implementation = SiteView.class),
                            examples = @ExampleObject(name = "shop", value = VIEW_EXAMPLE)))
    public Response create(@Valid SiteInput input) {
        SiteView created = SiteView.of(sites.create(body(input).name(), input.allowedOrigins()));
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
            summary = "Change a website's name and allowed origins",
            description = "The key stays (it is embedded in the site's pages). Roles: admin.")
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
        return SiteView.of(sites.replace(siteKey, body(input).name(), input.allowedOrigins()));
    }

    @DELETE
    @Path("/{siteKey}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "deleteSite",
            summary = "Remove a website",
            description =
                    "Its key is refused from then on; events already stored stay until they expire. Roles: " + "admin.")
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
