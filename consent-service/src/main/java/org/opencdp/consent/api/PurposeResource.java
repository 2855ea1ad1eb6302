package org.opencdp.consent.api;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
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
import org.opencdp.consent.domain.LegalBasis;
import org.opencdp.consent.domain.Purpose;
import org.opencdp.consent.service.PurposeCatalog;
import org.opencdp.problem.ProblemException;

/** The purpose catalog: every staff role and service reads it, the dpo writes it. */
@Path("/api/v1/purposes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Purposes", description = "What consent is asked for: purposes, legal bases and versioned texts")
public class PurposeResource {

    @Inject
    PurposeCatalog catalog;

    @GET
    @RolesAllowed({
        Roles.SALES,
        Roles.SERVICE,
        Roles.MARKETING,
        Roles.ANALYST,
        Roles.DPO,
        Roles.ADMIN,
        Roles.SVC_PROFILE,
        Roles.SVC_BEHAVIOUR,
        Roles.SVC_TRACKING,
        Roles.SVC_CONSENT,
        Roles.SVC_RETENTION,
        Roles.SVC_SHOP
    })
    @Operation(
            operationId = "listPurposes",
            summary = "List the purpose catalog",
            description = "Every purpose with its legal basis and the texts of its current version in every language "
                    + "offered. Show exactly these texts and send the text's `hash` back with the consent. Roles: "
                    + "every staff role and service account.")
    @APIResponse(
            responseCode = "200",
            description = "The catalog, ordered by id",
            content = @Content(examples = @ExampleObject(name = "catalog", value = ConsentExamples.PURPOSES)))
    public List<PurposeView> list() {
        return catalog.all().stream()
                .map(p -> PurposeView.of(p, catalog.version(p.id(), p.latestVersion()), null))
                .toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({
        Roles.SALES,
        Roles.SERVICE,
        Roles.MARKETING,
        Roles.ANALYST,
        Roles.DPO,
        Roles.ADMIN,
        Roles.SVC_PROFILE,
        Roles.SVC_BEHAVIOUR,
        Roles.SVC_TRACKING,
        Roles.SVC_CONSENT,
        Roles.SVC_RETENTION,
        Roles.SVC_SHOP
    })
    @Operation(
            operationId = "getPurpose",
            summary = "Read a purpose with every version",
            description = "The purpose, its current version and every earlier one: a consent names the version "
                    + "the person saw. Roles: every staff role and service account.")
    @APIResponse(responseCode = "200", description = "The purpose")
    @APIResponse(responseCode = "404", description = "No such purpose")
    public PurposeView get(@Parameter(example = "newsletter") @PathParam("id") String id) {
        Purpose purpose = catalog.get(id);
        return PurposeView.of(purpose, catalog.version(id, purpose.latestVersion()), catalog.versions(id));
    }

    @POST
    @RolesAllowed(Roles.DPO)
    @Operation(
            operationId = "createPurpose",
            summary = "Add a purpose",
            description = "Adds a purpose with the texts of its version 1. Legal basis and flags can be changed "
                    + "(PUT .../attributes) only until the first consent entry for it: consents are given under them, "
                    + "so a purpose with another basis is then a new purpose. `doubleOptIn` needs legal basis "
                    + "CONSENT. Roles: dpo.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = PurposeInput.class),
                            examples = @ExampleObject(name = "loyalty", value = ConsentExamples.PURPOSE_INPUT)))
    @APIResponse(responseCode = "201", description = "Created; Location names it")
    @APIResponse(responseCode = "409", description = "A purpose with this id exists")
    public Response create(@Valid PurposeInput input) {
        if (input == null) {
            throw ProblemException.badRequest("The request needs a body.");
        }
        if (input.doubleOptIn() && input.legalBasis() != LegalBasis.CONSENT) {
            throw ProblemException.invalidField(
                    "doubleOptIn", "only a purpose based on consent can need double opt-in");
        }
        Purpose created = catalog.create(input.toPurpose(), PurposeVersionInput.toTexts(input.texts()));
        return Response.created(URI.create("/api/v1/purposes/" + created.id()))
                .entity(get(created.id()))
                .build();
    }

    @POST
    @Path("/{id}/versions")
    @RolesAllowed(Roles.DPO)
    @Operation(
            operationId = "publishPurposeVersion",
            summary = "Publish new texts of a purpose",
            description = "Changing any text of a purpose publishes a new version with the texts of every language "
                    + "offered; earlier versions stay unchanged, so recorded consents keep pointing to the text the "
                    + "person saw. Texts identical to the current version are refused. Roles: dpo.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = PurposeVersionInput.class),
                            examples = @ExampleObject(name = "new texts", value = ConsentExamples.VERSION_INPUT)))
    @APIResponse(responseCode = "201", description = "Published; Location names the version")
    @APIResponse(responseCode = "404", description = "No such purpose")
    @APIResponse(responseCode = "422", description = "The texts are the current version's")
    public Response publish(
            @Parameter(example = "newsletter") @PathParam("id") String id, @Valid PurposeVersionInput input) {
        if (input == null) {
            throw ProblemException.badRequest("The request needs a body.");
        }
        PurposeVersionView published = PurposeVersionView.of(catalog.publish(id, input.toTexts()));
        return Response.created(URI.create("/api/v1/purposes/" + id + "/versions/" + published.version()))
                .entity(published)
                .build();
    }

    @PUT
    @Path("/{id}/attributes")
    @RolesAllowed(Roles.DPO)
    @Operation(
            operationId = "editPurposeAttributes",
            summary = "Change a purpose's legal basis, flags, data categories or retention",
            description = "Sets every attribute to the values sent; each change is kept in the purpose's change log "
                    + "(who, when, the attributes after it). Data categories and retention can change at any time "
                    + "(if the texts describe them, publish new texts too). Legal basis, directMarketing and "
                    + "doubleOptIn change only while the ledger holds no entry for the purpose: its consents were "
                    + "given and are read under them (409; add a new purpose instead). The same values again change "
                    + "nothing. Roles: dpo.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = PurposeAttributesInput.class),
                            examples =
                                    @ExampleObject(
                                            name = "longer retention",
                                            value = ConsentExamples.ATTRIBUTES_INPUT)))
    @APIResponse(responseCode = "200", description = "The purpose as it is now")
    @APIResponse(responseCode = "404", description = "No such purpose")
    @APIResponse(responseCode = "409", description = "Legal basis or flags of a purpose the ledger holds entries for")
    public PurposeView editAttributes(
            @Parameter(example = "newsletter") @PathParam("id") String id, @Valid PurposeAttributesInput input) {
        if (input == null) {
            throw ProblemException.badRequest("The request needs a body.");
        }
        catalog.edit(id, input.toAttributes());
        return get(id);
    }

    @GET
    @Path("/{id}/changes")
    @RolesAllowed(Roles.DPO)
    @Operation(
            operationId = "listPurposeChanges",
            summary = "A purpose's change log",
            description = "Its attributes at creation (number 0) and after every edit, with who changed them when, "
                    + "oldest first. Text changes are its versions. Roles: dpo.")
    @APIResponse(responseCode = "200", description = "The change log")
    @APIResponse(responseCode = "404", description = "No such purpose")
    public List<PurposeChangeView> changes(@Parameter(example = "newsletter") @PathParam("id") String id) {
        return catalog.changes(id).stream().map(PurposeChangeView::of).toList();
    }

    @GET
    @Path("/{id}/versions/{version}")
    @RolesAllowed({
        Roles.SALES,
        Roles.SERVICE,
        Roles.MARKETING,
        Roles.ANALYST,
        Roles.DPO,
        Roles.ADMIN,
        Roles.SVC_PROFILE,
        Roles.SVC_BEHAVIOUR,
        Roles.SVC_TRACKING,
        Roles.SVC_CONSENT,
        Roles.SVC_RETENTION,
        Roles.SVC_SHOP
    })
    @Operation(
            operationId = "getPurposeVersion",
            summary = "Read one version of a purpose's texts",
            description = "The texts a consent of that version was given to. Roles: every staff role and service "
                    + "account.")
    @APIResponse(responseCode = "200", description = "The version")
    @APIResponse(responseCode = "404", description = "No such purpose or version")
    public PurposeVersionView version(
            @Parameter(example = "newsletter") @PathParam("id") String id,
            @Parameter(example = "1") @PathParam("version") String version) {
        return PurposeVersionView.of(catalog.version(id, ApiParameters.version("version", version)));
    }
}
