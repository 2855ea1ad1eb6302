package org.opencdp.subjectrights;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A kind of personal data a service holds, as its record of processing (GDPR Art. 30) names it: what it is, for
 * which purposes (ids of consent-service's purpose catalog where the purpose is there), about whom, on which legal
 * basis, and which retention policy governs it. retention-service generates the record from these declarations.
 */
@Schema(name = "DataCategory")
public record DataCategory(
        @Schema(examples = "customer-master-data") String name,

        @Schema(examples = "Names, postal addresses, e-mail addresses, phone numbers, birth date")
        String description,

        @Schema(description = "Legal basis of the processing", examples = "GDPR Art. 6(1)(b) contract")
        String legalBasis,

        @Schema(description = "How long it is kept", examples = "while a customer; 30 days after the relationship ends")
        String retention,

        @Schema(
                description = "The purposes the data serves: purpose ids, those of consent-service's catalog included",
                examples = "[\"customer-relationship\", \"newsletter\"]")
        List<String> purposes,

        @Schema(description = "Whom the data is about") List<SubjectCategory> subjectCategories,

        @Schema(
                description = "The retention policy that governs it (RetentionCategories); absent when the data "
                        + "lives only as long as another record, as the retention text says",
                examples = "inactive-customer-profile")
        String retentionCategory) {

    public DataCategory {
        // A capabilities document of a service from before these fields reads as declaring none.
        purposes = purposes == null ? List.of() : List.copyOf(purposes);
        subjectCategories = subjectCategories == null ? List.of() : List.copyOf(subjectCategories);
    }
}
