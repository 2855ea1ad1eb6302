package org.opencdp.consent.api;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.consent.domain.ConsentAction;
import org.opencdp.consent.domain.VisitorLink;

import com.fasterxml.jackson.annotation.JsonInclude;

@Schema(name = "VisitorLink", description = "The link and the consents carried over to the subject")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VisitorLinkView(
        @Schema(description = "The LINK entry; absent when they were linked before")
        UUID linkEntryId,

        @Schema(description = "false when they were linked before (nothing changed)")
        boolean linked,

        List<Carried> carried) {

    @Schema(name = "CarriedConsent")
    public record Carried(
            @Schema(examples = "web-analytics") String purpose,
            ConsentAction action,
            @Schema(description = "The subject's new entry") UUID entryId,

            @Schema(description = "The visitor's entry holding the original proof")
            UUID linkedFrom) {}

    static VisitorLinkView of(VisitorLink link) {
        return new VisitorLinkView(
                link.linkEntryId(),
                link.linked(),
                link.carried().stream()
                        .map(c -> new Carried(c.purposeId(), c.action(), c.entryId(), c.linkedFrom()))
                        .toList());
    }
}
