package org.opencdp.consent.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.consent.domain.LegalBasis;
import org.opencdp.consent.domain.Purpose;
import org.opencdp.consent.domain.PurposeVersion;

import com.fasterxml.jackson.annotation.JsonInclude;

@Schema(name = "Purpose", description = "A purpose of processing with its legal basis and its current texts")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PurposeView(
        @Schema(examples = "newsletter") String id,
        LegalBasis legalBasis,
        boolean directMarketing,
        boolean doubleOptIn,
        List<String> dataCategories,
        @Schema(examples = "until the consent is revoked") String retention,
        @Schema(examples = "P14M") String retentionPeriod,

        @Schema(description = "The version to show people now")
        PurposeVersionView current,

        @Schema(description = "Every version, oldest first (only when one purpose is read)")
        List<PurposeVersionView> versions) {

    static PurposeView of(Purpose p, PurposeVersion current, List<PurposeVersion> versions) {
        return new PurposeView(
                p.id(),
                p.legalBasis(),
                p.directMarketing(),
                p.doubleOptIn(),
                p.dataCategories(),
                p.retention(),
                p.retentionPeriod(),
                PurposeVersionView.of(current),
                versions == null
                        ? null
                        : versions.stream().map(PurposeVersionView::of).toList());
    }
}
