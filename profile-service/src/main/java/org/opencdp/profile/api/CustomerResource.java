package org.opencdp.profile.api;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.caller.Roles;
import org.opencdp.problem.Problem;
import org.opencdp.profile.domain.CustomerProfile;
import org.opencdp.profile.domain.CustomerSearchPage;
import org.opencdp.profile.domain.ProfileAccess;
import org.opencdp.profile.service.CustomerService;
import org.opencdp.profile.service.MarketingConsent;
import org.opencdp.profile.service.SearchQuery;
import org.opencdp.ratelimits.BulkRead;
import org.opencdp.requestparameters.RequestParameters;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Customer master data: B2C persons, B2B companies and their contact persons. Thin: parses, authorises, calls
 * {@link CustomerService}, maps. What a caller sees of a customer depends on the roles (see {@link CustomerView}).
 */
@Path("/api/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Customers", description = "Customer master data of persons (B2C) and companies (B2B)")
public class CustomerResource {

    static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String ETAG = "The customer's version, e.g. \"3\": send it back in If-Match to change it";

    @Inject
    CustomerService service;

    @Inject
    CustomerViews views;

    @Inject
    CustomerMergePatch patches;

    @Inject
    MarketingConsent marketingConsent;

    @Context
    UriInfo uri;

    @POST
    @RolesAllowed(Roles.SALES)
    @Operation(
            operationId = "createCustomer",
            summary = "Create a customer",
            description =
                    "Creates a person (B2C) or a company (B2B), told apart by `type`. Phone numbers may be sent in "
                            + "any common notation and are stored in E.164 form; personal fields are encrypted with the "
                            + "customer's own key. A card number or IBAN in any field is refused: store the payment method "
                            + "type and a masked reference only. Roles: sales.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = CustomerInput.class),
                            examples = {
                                @ExampleObject(name = "person", value = CustomerExamples.PERSON_INPUT),
                                @ExampleObject(name = "company", value = CustomerExamples.COMPANY_INPUT)
                            }))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names it, ETag is its version",
            headers = {
                @Header(
                        name = "Location",
                        description = "URL of the new customer",
                        schema = @Schema(type = SchemaType.STRING)),
                @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING))
            },
            content =
                    @Content(
                            schema = @Schema(implementation = CustomerView.class),
                            examples = @ExampleObject(name = "person", value = CustomerExamples.PERSON_VIEW)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed JSON, unknown or invalid fields; nothing was stored",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples =
                                    @ExampleObject(
                                            name = "invalid fields",
                                            value = CustomerExamples.VALIDATION_PROBLEM)))
    public Response create(@Valid CustomerInput input) {
        CustomerView created =
                views.of(service.create(RequestBodies.required(input).toProfile()));
        return Response.created(location(created.id()))
                .tag(ETags.of(created.version()))
                .entity(created)
                .build();
    }

    @POST
    @Path("/batch")
    @RolesAllowed(Roles.SALES)
    @Operation(
            operationId = "createCustomers",
            summary = "Create up to 100 customers at once",
            description = "For imports and synchronisation from shop or CRM systems. Every customer is checked and "
                    + "stored exactly as by a single create (own key, audit entry, change event); the batch is stored "
                    + "whole or not at all: if one customer is invalid, the problem names it by its position "
                    + "(`customers[1].emails[0].address`) and nothing is stored. Roles: sales.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = CustomerBatchInput.class),
                            examples =
                                    @ExampleObject(
                                            name = "a person and a company",
                                            value = CustomerExamples.BATCH_INPUT)))
    @APIResponse(
            responseCode = "201",
            description = "All were created; ids, versions and URLs in the order sent",
            content =
                    @Content(
                            schema = @Schema(implementation = CreatedCustomers.class),
                            examples = @ExampleObject(name = "two created", value = CustomerExamples.BATCH_CREATED)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed JSON, an empty or too large batch, or an invalid customer; nothing was stored",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples =
                                    @ExampleObject(
                                            name = "the second customer is invalid",
                                            value = CustomerExamples.BATCH_VALIDATION_PROBLEM)))
    public Response createBatch(@Valid CustomerBatchInput batch) {
        List<CustomerProfile> profiles = RequestBodies.required(batch).customers().stream()
                .map(CustomerInput::toProfile)
                .toList();
        List<CreatedCustomers.Created> created = service.createAll(profiles).stream()
                .map(c -> new CreatedCustomers.Created(
                        c.id(), c.version(), location(c.id()).getPath()))
                .toList();
        return Response.status(Response.Status.CREATED)
                .entity(new CreatedCustomers(created))
                .build();
    }

    @GET
    @Path("/{id}")
    // Not the analyst: analysts see aggregates only, never a single customer (least privilege, docs/security.md).
    @RolesAllowed({Roles.SALES, Roles.SERVICE, Roles.MARKETING})
    @Operation(
            operationId = "getCustomer",
            summary = "Read a customer",
            description = "What is returned depends on the roles: sales sees everything; marketing everything but the "
                    + "payment method, and only customers with a direct-marketing consent in force (newsletter, phone "
                    + "marketing; asked of consent-service: 403 without, 503 with Retry-After when consent-service "
                    + "does not answer); service the contact data. Analysts read aggregates only, never a single "
                    + "customer. Every read is recorded in the audit trail.")
    @APIResponse(
            responseCode = "200",
            description = "The customer; ETag is its version",
            headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            schema = @Schema(implementation = CustomerView.class),
                            examples = {@ExampleObject(name = "as sales", value = CustomerExamples.PERSON_VIEW)}))
    @APIResponse(responseCode = "404", description = "No such customer")
    @APIResponse(responseCode = "409", description = "Processing of the customer is restricted (GDPR Art. 18)")
    @APIResponse(
            responseCode = "503",
            description = "Marketing only: consent-service does not answer, so the consent cannot be checked",
            headers =
                    @Header(
                            name = "Retry-After",
                            description = "Seconds to wait",
                            schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response get(@Parameter(example = CustomerExamples.ID) @PathParam("id") String id) {
        UUID customerId = RequestParameters.uuid("id", id);
        ProfileAccess access = views.access();
        if (access == ProfileAccess.MARKETING) {
            marketingConsent.require(customerId);
        }
        CustomerView customer = views.of(service.get(customerId, access));
        return Response.ok(customer).tag(ETags.of(customer.version())).build();
    }

    @GET
    @RolesAllowed({Roles.SALES, Roles.SERVICE, Roles.MARKETING})
    @BulkRead("search")
    @Operation(
            operationId = "searchCustomers",
            summary = "Search customers",
            description = "Every given criterion must match. name and company match whole words, ignoring case and "
                    + "accents (\"jurgen muller\" finds \"Jürgen Müller\"); email matches the whole address ignoring "
                    + "case; phone matches in any notation (\"0171 2345678\", \"+49 171 2345678\", \"0049-171-2345678\"); "
                    + "postcode matches exactly. Search runs on keyed hashes, never on decrypted data, so prefixes and "
                    + "typos do not match. Results are ordered by id and paged with the cursor. Restricted customers "
                    + "are left out, and for marketing every customer without a direct-marketing consent in force "
                    + "(all of them, with marketingConsentUnavailable, when consent-service does not answer).")
    @APIResponse(
            responseCode = "200",
            description = "One page of matches",
            content = @Content(schema = @Schema(implementation = CustomerPage.class)))
    @APIResponse(responseCode = "400", description = "No criterion, an invalid phone number, cursor or limit over 100")
    @APIResponse(
            responseCode = "429",
            description =
                    "More searches than the caller's limit (300 a minute by default); Retry-After says when to go on",
            headers =
                    @Header(
                            name = "Retry-After",
                            description = "Seconds to wait",
                            schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public CustomerPage search(
            @Parameter(description = "Words of the person's name", example = "Erika Mustermann")
                    @QueryParam("name")
                    @Size(max = 200)
                    String name,
            @Parameter(description = "E-mail address", example = "erika.mustermann@example.de")
                    @QueryParam("email")
                    @Size(max = 254)
                    String email,
            @Parameter(description = "Phone number in any notation", example = "0171 2345678")
                    @QueryParam("phone")
                    @Size(max = 40)
                    String phone,
            @Parameter(description = "Words of the company name", example = "Musterbau")
                    @QueryParam("company")
                    @Size(max = 200)
                    String company,
            @Parameter(description = "Postcode", example = "51147") @QueryParam("postcode") @Size(max = 12)
                    String postcode,
            @BeanParam PageQuery paging) {
        int size = paging.size();
        UUID after = paging.after();
        CustomerSearchPage page =
                service.search(new SearchQuery(name, email, phone, company, postcode), after, size, views.access());
        return new CustomerPage(
                page.customers().stream().map(views::of).toList(),
                PageQuery.next(page.next()),
                page.marketingConsentUnavailable() ? Boolean.TRUE : null);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.SALES)
    @Operation(
            operationId = "replaceCustomer",
            summary = "Replace a customer",
            description =
                    "Replaces every field. Requires If-Match with the ETag you read: 412 when someone changed the "
                            + "customer meanwhile, 428 without If-Match. A person cannot become a company (422).")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = CustomerInput.class),
                            examples = @ExampleObject(name = "person", value = CustomerExamples.PERSON_INPUT)))
    @APIResponse(
            responseCode = "200",
            description = "Replaced; ETag is the new version",
            headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "404", description = "No such customer")
    @APIResponse(responseCode = "409", description = "Processing of the customer is restricted (GDPR Art. 18)")
    @APIResponse(
            responseCode = "412",
            description = "Stale ETag: someone changed the customer since you read it",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "stale", value = CustomerExamples.STALE_PROBLEM)))
    @APIResponse(responseCode = "422", description = "A person cannot become a company, nor a company a person")
    public Response replace(
            @Parameter(example = CustomerExamples.ID) @PathParam("id") String id,
            @Parameter(in = ParameterIn.HEADER, description = "The ETag you read", example = "\"0\"")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid CustomerInput input) {
        UUID customerId = RequestParameters.uuid("id", id);
        long version = ETags.requiredVersion(ifMatch);
        CustomerView replaced = views.of(service.replace(
                customerId,
                version,
                RequestBodies.required(input).toProfile(),
                "PUT /api/v1/customers/{id}",
                views.access()));
        return Response.ok(replaced).tag(ETags.of(replaced.version())).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.SALES)
    @Operation(
            operationId = "patchCustomer",
            summary = "Change some fields of a customer (JSON merge patch)",
            description =
                    "RFC 7396: fields present replace the stored ones, null removes a field, lists are replaced "
                            + "whole. The result is validated like a full replacement. Requires If-Match (412 stale, 428 missing).")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MERGE_PATCH,
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            description =
                                                    "The fields to change, as in CustomerInput; null removes a field"),
                            examples =
                                    @ExampleObject(name = "new phone, no title", value = CustomerExamples.MERGE_PATCH)))
    @APIResponse(
            responseCode = "200",
            description = "Changed; ETag is the new version",
            headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "400", description = "Malformed patch or invalid result; nothing was changed")
    @APIResponse(responseCode = "404", description = "No such customer")
    @APIResponse(responseCode = "409", description = "Processing of the customer is restricted (GDPR Art. 18)")
    @APIResponse(responseCode = "422", description = "A person cannot become a company, nor a company a person")
    public Response patch(
            @Parameter(example = CustomerExamples.ID) @PathParam("id") String id,
            @Parameter(in = ParameterIn.HEADER, description = "The ETag you read", example = "\"0\"")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            String body)
            throws IOException {
        UUID customerId = RequestParameters.uuid("id", id);
        long version = ETags.requiredVersion(ifMatch);
        JsonNode patch = patches.parse(body);
        CustomerProfile patched = patches.apply(service.currentProfile(customerId, version), patch);
        CustomerView changed =
                views.of(service.replace(customerId, version, patched, "PATCH /api/v1/customers/{id}", views.access()));
        return Response.ok(changed).tag(ETags.of(changed.version())).build();
    }

    @DELETE
    @Path("/{id}")
    // No body on success, so any Accept will do: a client generated from the document asks for problem+json only.
    @Produces(MediaType.WILDCARD)
    @RolesAllowed(Roles.SALES)
    @Operation(
            operationId = "deleteCustomer",
            summary = "Delete a customer",
            description = "Deletes the customer for good: its data, search entries, contact links, timeline entries "
                    + "and feedback answers, and its key, so backups become unreadable too. Other services are told "
                    + "through a customer.deleted event. Requires If-Match (412 stale, 428 missing). GDPR erasure "
                    + "requests go through retention-service, which also covers the other services and keeps business "
                    + "letters under a legal hold.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such customer")
    @APIResponse(responseCode = "409", description = "Processing of the customer is restricted (GDPR Art. 18)")
    public Response delete(
            @Parameter(example = CustomerExamples.ID) @PathParam("id") String id,
            @Parameter(in = ParameterIn.HEADER, description = "The ETag you read", example = "\"0\"")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch) {
        UUID customerId = RequestParameters.uuid("id", id);
        service.delete(customerId, ETags.requiredVersion(ifMatch));
        return Response.noContent().build();
    }

    @POST
    @Path("/{companyId}/contacts")
    @RolesAllowed(Roles.SALES)
    @Operation(
            operationId = "createContact",
            summary = "Add a new contact person to a company",
            description = "Creates the person (a customer of its own, with its own subject id and key) and links it to "
                    + "the company with a job title.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = NewContactInput.class)))
    @APIResponse(
            responseCode = "201",
            description = "The new person; Location names it",
            headers = {
                @Header(
                        name = "Location",
                        description = "URL of the new person",
                        schema = @Schema(type = SchemaType.STRING)),
                @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING))
            },
            content = @Content(schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "404", description = "No such company")
    @APIResponse(responseCode = "422", description = "The customer is a person, not a company")
    public Response addContact(
            @Parameter(example = CustomerExamples.ID) @PathParam("companyId") String companyId,
            @Valid NewContactInput input) {
        UUID company = RequestParameters.uuid("companyId", companyId);
        NewContactInput contact = RequestBodies.required(input);
        CustomerView person = views.of(
                service.addNewContact(company, contact.person().toProfile(), contact.jobTitle(), views.access()));
        return Response.created(location(person.id()))
                .tag(ETags.of(person.version()))
                .entity(person)
                .build();
    }

    @PUT
    @Path("/{companyId}/contacts/{personId}")
    // No body on success, so any Accept will do: a client generated from the document asks for problem+json only.
    @Produces(MediaType.WILDCARD)
    @RolesAllowed(Roles.SALES)
    @Operation(
            operationId = "linkContact",
            summary = "Make an existing person a contact of a company, or change the job title")
    @APIResponse(responseCode = "204", description = "Linked")
    @APIResponse(responseCode = "404", description = "No such company or person")
    @APIResponse(responseCode = "422", description = "The first id is not a company, or the second not a person")
    public Response linkContact(
            @Parameter(example = CustomerExamples.ID) @PathParam("companyId") String companyId,
            @Parameter(example = CustomerExamples.CONTACT_ID) @PathParam("personId") String personId,
            @Valid ContactLinkInput input) {
        service.linkContact(
                RequestParameters.uuid("companyId", companyId),
                RequestParameters.uuid("personId", personId),
                input == null ? null : input.jobTitle());
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{companyId}/contacts/{personId}")
    // No body on success, so any Accept will do: a client generated from the document asks for problem+json only.
    @Produces(MediaType.WILDCARD)
    @RolesAllowed(Roles.SALES)
    @Operation(
            operationId = "unlinkContact",
            summary = "Remove a person from a company's contacts",
            description = "The person stays a customer.")
    @APIResponse(responseCode = "204", description = "Unlinked")
    @APIResponse(responseCode = "404", description = "Not a contact of this company")
    public Response unlinkContact(
            @Parameter(example = CustomerExamples.ID) @PathParam("companyId") String companyId,
            @Parameter(example = CustomerExamples.CONTACT_ID) @PathParam("personId") String personId) {
        service.unlinkContact(
                RequestParameters.uuid("companyId", companyId), RequestParameters.uuid("personId", personId));
        return Response.noContent().build();
    }

    private URI location(UUID id) {
        return uri.getBaseUriBuilder()
                .path(CustomerResource.class)
                .path(id.toString())
                .build();
    }
}
