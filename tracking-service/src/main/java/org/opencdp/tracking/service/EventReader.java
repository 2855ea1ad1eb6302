package org.opencdp.tracking.service;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.outbox.TimeOrderedIds;
import org.opencdp.tracking.domain.ClientTimes;
import org.opencdp.tracking.domain.EventType;
import org.opencdp.tracking.domain.PageAddresses;
import org.opencdp.tracking.domain.ReducedUserAgent;
import org.opencdp.tracking.domain.WebEvent;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads one event of a batch: checks it against the tracker protocol and minimises it (url and referrer stripped,
 * user agent already reduced). A bad event is refused alone, with a reason that names the field and never quotes
 * the value (it may be personal data).
 */
@ApplicationScoped
public class EventReader {

    static final Pattern ID = Pattern.compile("^[0-9a-f]{32}$");
    /** A data-attribute value: a short code, never free text (no spaces, no @). */
    static final Pattern ELEMENT = Pattern.compile("^[A-Za-z0-9_:./-]{1,100}$");

    static final Pattern NAME = Pattern.compile("^[A-Za-z0-9_.:-]{1,64}$");
    static final int MAX_PROPERTIES = 20;
    static final int MAX_PROPERTY_LENGTH = 200;
    static final long MAX_DWELL_MS = 86_400_000L;

    private static final Set<String> COMMON = Set.of("type", "visitorId", "sessionId", "url", "clientTime");
    private static final Map<EventType, Set<String>> EXTRA = Map.of(
            EventType.PAGE_VIEW, Set.of("referrer"),
            EventType.PAGE_LEAVE, Set.of("dwellMs", "scrollDepth"),
            EventType.CLICK, Set.of("element"),
            EventType.CUSTOM, Set.of("name", "properties"));

    /** Where a batch came from: a website (browser events) or a server with its service token. */
    public record Source(String siteKey, boolean server) {

        public static Source site(String siteKey) {
            return new Source(siteKey, false);
        }

        public static final Source SERVER = new Source(null, true);

        /** How refusals are counted: the site key, or "server". */
        public String countedAs() {
            return server ? "server" : siteKey;
        }
    }

    /** An event read: either the event or why it was refused. */
    public record Read(WebEvent event, String rejection) {

        static Read rejected(String reason) {
            return new Read(null, reason);
        }
    }

    private final Clock clock;
    private final TrackingSettings settings;
    private final PageAddresses addresses;

    @Inject
    EventReader(Clock clock, TrackingSettings settings) {
        this.clock = clock;
        this.settings = settings;
        this.addresses =
                new PageAddresses(Set.copyOf(settings.personalQueryParameters().orElse(List.of())));
    }

    public Read read(JsonNode node, Source source, ReducedUserAgent userAgent, Instant receivedAt) {
        if (node == null || !node.isObject()) {
            return Read.rejected("an event must be a JSON object");
        }
        Optional<EventType> type = EventType.ofCode(text(node, "type"));
        if (type.isEmpty()) {
            return Read.rejected("type: must be one of page_view, page_leave, click, custom");
        }
        for (Iterator<String> fields = node.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            boolean known = COMMON.contains(field)
                    || EXTRA.get(type.get()).contains(field)
                    || (source.server() && field.equals("subjectId"));
            if (!known) {
                return Read.rejected(
                        field.equals("subjectId")
                                ? "subjectId: browser events never carry a subject id"
                                : "unknown field " + fieldName(field) + " for "
                                        + type.get().code());
            }
        }
        UUID subjectId = null;
        if (node.has("subjectId")) {
            try {
                subjectId = UUID.fromString(text(node, "subjectId"));
            } catch (IllegalArgumentException e) {
                return Read.rejected("subjectId: must be a UUID");
            }
        }
        String visitorId = text(node, "visitorId");
        if (visitorId != null ? !ID.matcher(visitorId).matches() : subjectId == null) {
            return Read.rejected("visitorId: must be 32 lowercase hex characters");
        }
        String sessionId = text(node, "sessionId");
        if (sessionId != null ? !ID.matcher(sessionId).matches() : !source.server()) {
            return Read.rejected("sessionId: must be 32 lowercase hex characters");
        }
        Optional<String> url = addresses.minimise(text(node, "url"));
        if (url.isEmpty()) {
            return Read.rejected(
                    "url: must be an absolute http(s) URL of at most " + PageAddresses.MAX_LENGTH + " characters");
        }
        String referrer = null;
        if (node.has("referrer")) {
            Optional<String> minimised = addresses.minimise(text(node, "referrer"));
            if (minimised.isEmpty()) {
                return Read.rejected("referrer: must be an absolute http(s) URL");
            }
            referrer = minimised.get();
        }
        Instant clientTime;
        try {
            clientTime = ClientTimes.parse(String.valueOf(text(node, "clientTime")));
        } catch (DateTimeException e) {
            return Read.rejected("clientTime: must be an ISO-8601 UTC time such as 2026-11-26T14:03:07.412Z");
        }
        Instant now = clock.instant();
        if (clientTime.isAfter(now.plus(settings.maxClientTimeAhead()))) {
            return Read.rejected("clientTime: too far in the future");
        }
        if (clientTime.isBefore(now.minus(settings.maxClientTimeAge()))) {
            return Read.rejected("clientTime: too far in the past");
        }
        Long dwellMs = null;
        Integer scrollDepth = null;
        String element = null;
        String name = null;
        Map<String, Object> properties = null;
        switch (type.get()) {
            case PAGE_LEAVE -> {
                JsonNode dwell = node.get("dwellMs");
                if (dwell == null
                        || !dwell.canConvertToLong()
                        || !dwell.isIntegralNumber()
                        || dwell.asLong() < 0
                        || dwell.asLong() > MAX_DWELL_MS) {
                    return Read.rejected("dwellMs: must be a whole number of milliseconds from 0 to " + MAX_DWELL_MS);
                }
                JsonNode scroll = node.get("scrollDepth");
                if (scroll == null || !scroll.isIntegralNumber() || scroll.asInt() < 0 || scroll.asInt() > 100) {
                    return Read.rejected("scrollDepth: must be a whole number from 0 to 100");
                }
                dwellMs = dwell.asLong();
                scrollDepth = scroll.asInt();
            }
            case CLICK -> {
                element = text(node, "element");
                if (element == null || !ELEMENT.matcher(element).matches()) {
                    return Read.rejected("element: must be the value of data-cdp-track: up to 100 letters, digits "
                            + "or _ : . / - (no free text)");
                }
            }
            case CUSTOM -> {
                name = text(node, "name");
                if (name == null || !NAME.matcher(name).matches()) {
                    return Read.rejected("name: must be up to 64 letters, digits or _ . : -");
                }
                Read bad = null;
                properties = new LinkedHashMap<>();
                JsonNode given = node.get("properties");
                if (given != null && !given.isNull()) {
                    bad = readProperties(given, properties);
                }
                if (bad != null) {
                    return bad;
                }
            }
            case PAGE_VIEW -> {}
        }
        return new Read(
                new WebEvent(
                        TimeOrderedIds.next(),
                        receivedAt,
                        source.siteKey(),
                        type.get(),
                        visitorId,
                        sessionId,
                        subjectId,
                        url.get(),
                        referrer,
                        clientTime,
                        dwellMs,
                        scrollDepth,
                        element,
                        name,
                        properties,
                        userAgent,
                        null),
                null);
    }

    private static Read readProperties(JsonNode given, Map<String, Object> properties) {
        if (!given.isObject() || given.size() > MAX_PROPERTIES) {
            return Read.rejected("properties: must be a flat object of at most " + MAX_PROPERTIES + " entries");
        }
        for (Iterator<Map.Entry<String, JsonNode>> entries = given.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            JsonNode value = entry.getValue();
            if (!NAME.matcher(entry.getKey()).matches()) {
                return Read.rejected("properties: names must be up to 64 letters, digits or _ . : -");
            }
            if (value.isTextual()) {
                if (value.asText().length() > MAX_PROPERTY_LENGTH
                        || value.asText().contains("@")) {
                    return Read.rejected("properties." + entry.getKey() + ": text of at most " + MAX_PROPERTY_LENGTH
                            + " characters, no e-mail addresses");
                }
                properties.put(entry.getKey(), value.asText());
            } else if (value.isNumber()) {
                properties.put(entry.getKey(), value.numberValue());
            } else if (value.isBoolean()) {
                properties.put(entry.getKey(), value.asBoolean());
            } else {
                return Read.rejected("properties." + entry.getKey() + ": must be a string, number or boolean");
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** A field name as it may appear in a reason: names only, and only if they look like names. */
    private static String fieldName(String field) {
        return NAME.matcher(field).matches() ? field : "(unnamed)";
    }
}
