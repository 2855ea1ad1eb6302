package org.opencdp.profile.api;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.profile.domain.ContactLink;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A link between a company and one of its contact persons, seen from either side. */
@Schema(name = "ContactLink")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactView(
        @Schema(description = "The other customer: the person on a company, the company on a person")
        UUID customerId,

        @Schema(examples = "Erika Mustermann") String name,
        @Schema(examples = "Head of Purchasing") String jobTitle) {

    static List<ContactView> allOf(List<ContactLink> links) {
        return links.stream()
                .map(link -> new ContactView(link.customerId(), link.name(), link.jobTitle()))
                .toList();
    }
}
