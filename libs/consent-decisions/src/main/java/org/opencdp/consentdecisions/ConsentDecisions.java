package org.opencdp.consentdecisions;

import java.util.List;
import java.util.UUID;

/**
 * consent-service's decision API: may a purpose be used for a subject (or a visitor) now? Batch only, up to
 * {@link #MAX_PAIRS} pairs a call. Every caller fails closed: when consent-service cannot answer,
 * {@link ConsentUnavailable} is thrown and nothing is treated as allowed.
 */
public interface ConsentDecisions {

    int MAX_PAIRS = 1_000;

    /** A subject or a visitor (exactly one) and a purpose. */
    record Pair(UUID subjectId, String visitorId, String purpose) {

        public static Pair ofSubject(UUID subjectId, String purpose) {
            return new Pair(subjectId, null, purpose);
        }

        public static Pair ofVisitor(String visitorId, String purpose) {
            return new Pair(null, visitorId, purpose);
        }
    }

    /** consent-service's answer for one pair. */
    record Decision(Pair pair, boolean allowed, String legalBasis, UUID entryId, String reason) {}

    /** The decisions, one per pair in the order asked. */
    List<Decision> decide(List<Pair> pairs);

    /** consent-service did not answer (down, timing out, or answering with an error). */
    final class ConsentUnavailable extends RuntimeException {

        public ConsentUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
