package org.opencdp.consent.api;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.consent.domain.PurposeVersion;

@Schema(name = "PurposeVersion", description = "A published version of a purpose's texts; never changed")
public record PurposeVersionView(
        @Schema(examples = "2") int version,
        Instant createdAt,
        @Schema(examples = "dpo.meier") String createdBy,
        @Schema(description = "Language tag to text") Map<String, TextView> texts) {

    @Schema(name = "PurposeText")
    public record TextView(
            String title,
            String body,

            @Schema(
                    description = "SHA-256 (hex) of NFC(title + \"\\n\\n\" + body) in UTF-8: send it as the "
                            + "proof of the text shown when recording a consent",
                    examples = "9f2c…")
            String hash) {}

    static PurposeVersionView of(PurposeVersion version) {
        Map<String, TextView> texts = new TreeMap<>();
        version.texts().forEach((language, t) -> texts.put(language, new TextView(t.title(), t.body(), t.hash())));
        return new PurposeVersionView(version.version(), version.createdAt(), version.createdBy(), texts);
    }
}
