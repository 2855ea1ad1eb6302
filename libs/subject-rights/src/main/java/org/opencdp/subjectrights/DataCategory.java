package org.opencdp.subjectrights;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A kind of personal data a service holds, as declared in its records of processing. */
@Schema(name = "DataCategory")
public record DataCategory(
        @Schema(examples = "customer-master-data") String name,

        @Schema(examples = "Names, postal addresses, e-mail addresses, phone numbers, birth date")
        String description,

        @Schema(description = "Legal basis of the processing", examples = "GDPR Art. 6(1)(b) contract")
        String legalBasis,

        @Schema(description = "How long it is kept", examples = "while a customer; 30 days after the relationship ends")
        String retention) {}
