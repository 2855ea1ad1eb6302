package org.opencdp.retention.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.caller.Roles;
import org.opencdp.retention.domain.RecordOfProcessing;
import org.opencdp.retention.service.RecordsOfProcessing;

/**
 * The record of processing activities (GDPR Art. 30), generated at each request from the running services: as JSON,
 * and as a page for the dpo to read and file.
 */
@Path("/api/v1")
@Tag(name = "Records of processing", description = "The GDPR Art. 30 record, generated from the running system")
@RolesAllowed({Roles.DPO, Roles.ADMIN})
public class RecordsOfProcessingResource {

    private static final String DESCRIPTION = "Per purpose: the categories of data subjects and of personal data, the "
            + "legal basis (from consent-service's purpose catalog, else as the services declare it), the processors "
            + "and third-country transfers (opencdp.records.*), the platform's own services that hold it (internal "
            + "flows), and the retention periods with their legal references; then the retention policies and the "
            + "technical and organisational measures. gaps names what could not be filled in, e.g. a service that "
            + "did not answer. Roles: dpo, admin.";

    @Inject
    RecordsOfProcessing records;

    @GET
    @Path("/records-of-processing")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getRecordsOfProcessing",
            summary = "The record of processing activities (GDPR Art. 30) as JSON",
            description = DESCRIPTION)
    @APIResponse(
            responseCode = "200",
            description = "The record",
            content =
                    @Content(
                            schema = @Schema(implementation = RecordOfProcessing.class),
                            examples = @ExampleObject(name = "one purpose", value = """
                    {"generatedAt":"2026-11-27T09:00:00Z","controller":{"name":"Beispiel Handels GmbH",
                     "address":"Musterstraße 1, 10115 Berlin","contact":"info@example.com"},
                     "dataProtectionOfficer":{"name":"Data protection officer","address":"Musterstraße 1, 10115 Berlin",
                     "contact":"datenschutz@example.com"},
                     "activities":[{"purpose":"web-analytics","legalBasis":"GDPR Art. 6(1)(a) consent",
                       "legalBasisSource":"purpose catalog","subjectCategories":["WEBSITE_VISITORS","CUSTOMERS"],
                       "personalData":[{"service":"tracking-service","category":"web-events",
                         "description":"Page views, dwell time","retention":"13 months after receipt",
                         "retentionCategory":"tracking-raw-events","period":"P13M","startEvent":"the event was recorded",
                         "roundToEndOfYear":false,"legalReference":"GDPR Art. 5(1)(e)","policyVersion":1}],
                       "processors":[],"thirdCountryTransfers":[],"internalServices":["tracking-service"]}],
                     "internalFlows":[{"service":"tracking-service","categories":["web-events"],
                       "purposes":["web-analytics"]}],
                     "retentionPolicies":[],"technicalAndOrganisationalMeasures":["Encryption ..."],"gaps":[]}""")))
    public RecordOfProcessing json() {
        return records.generate();
    }

    @GET
    @Path("/records-of-processing.html")
    @Produces(MediaType.TEXT_HTML)
    @Operation(
            operationId = "getRecordsOfProcessingPage",
            summary = "The record of processing activities (GDPR Art. 30) as a page to read and file",
            description = DESCRIPTION)
    @APIResponse(
            responseCode = "200",
            description = "The record as HTML",
            content =
                    @Content(
                            mediaType = MediaType.TEXT_HTML,
                            examples = @ExampleObject(name = "page", value = "<!DOCTYPE html><html>...</html>")))
    public String html() {
        return RecordsOfProcessingPage.render(records.generate());
    }
}
