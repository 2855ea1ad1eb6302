package org.opencdp.retention.domain;

/** A purpose of consent-service's catalog, as far as the record of processing needs it. */
public record CatalogPurpose(String id, String legalBasis, boolean directMarketing) {

    /** The legal basis as the record names it. */
    public String legalBasisText() {
        return switch (legalBasis) {
            case "CONSENT" -> "GDPR Art. 6(1)(a) consent";
            case "CONTRACT" -> "GDPR Art. 6(1)(b) contract";
            case "LEGAL_OBLIGATION" -> "GDPR Art. 6(1)(c) legal obligation";
            case "LEGITIMATE_INTEREST" -> "GDPR Art. 6(1)(f) legitimate interest";
            default -> legalBasis;
        };
    }
}
