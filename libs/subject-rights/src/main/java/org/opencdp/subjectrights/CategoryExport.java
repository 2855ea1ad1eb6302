package org.opencdp.subjectrights;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/** Everything a service holds on one subject in one data category, machine-readable (GDPR Art. 15, 20). */
@Schema(name = "CategoryExport")
public record CategoryExport(
        @Schema(examples = "customer-master-data") String category,

        @Schema(description = "Number of records in data", examples = "1")
        long records,

        @Schema(
                description = "The records themselves, as JSON objects",
                type = SchemaType.ARRAY,
                implementation = Object.class)
        JsonNode data) {}
