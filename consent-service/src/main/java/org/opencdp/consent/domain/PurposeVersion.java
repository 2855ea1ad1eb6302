package org.opencdp.consent.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** One published version of a purpose's texts, keyed by language. Never changed once published. */
public record PurposeVersion(int version, Instant createdAt, String createdBy, Map<String, PurposeText> texts) {

    public Optional<PurposeText> text(String language) {
        return Optional.ofNullable(texts.get(language));
    }
}
