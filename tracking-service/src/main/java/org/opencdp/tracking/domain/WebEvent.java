package org.opencdp.tracking.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One event as it is stored, already minimised: no IP address, the user agent reduced, personal query parameters
 * and the fragment stripped from url and referrer. {@code consentEntryId} is the consent ledger entry it was
 * collected under (null until the consent gate has decided).
 */
public record WebEvent(
        UUID id,
        Instant receivedAt,
        String siteKey,
        EventType type,
        String visitorId,
        String sessionId,
        UUID subjectId,
        String url,
        String referrer,
        Instant clientTime,
        Long dwellMs,
        Integer scrollDepth,
        String element,
        String name,
        Map<String, Object> properties,
        ReducedUserAgent userAgent,
        UUID consentEntryId) {

    /** Whose consent decides about this event: the subject's if the event names one, otherwise the visitor's. */
    public Holder holder() {
        return subjectId != null ? Holder.subject(subjectId) : Holder.visitor(visitorId);
    }

    /**
     * What identifies a browser's event when it is sent twice (the tracker resends a batch whose answer was lost):
     * visitor, session, type and client time. Null for an event without visitor or session (server events), which
     * are never taken for duplicates.
     */
    public Identity identity() {
        return visitorId == null || sessionId == null ? null : new Identity(visitorId, sessionId, type, clientTime);
    }

    public record Identity(String visitorId, String sessionId, EventType type, Instant clientTime) {}

    public WebEvent collectedUnder(UUID entryId) {
        return new WebEvent(
                id,
                receivedAt,
                siteKey,
                type,
                visitorId,
                sessionId,
                subjectId,
                url,
                referrer,
                clientTime,
                dwellMs,
                scrollDepth,
                element,
                name,
                properties,
                userAgent,
                entryId);
    }
}
