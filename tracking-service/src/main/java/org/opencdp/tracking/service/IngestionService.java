package org.opencdp.tracking.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.problem.ProblemException;
import org.opencdp.problem.ProblemType;
import org.opencdp.publicsites.PublicSite;
import org.opencdp.tracking.domain.ConsentDecision;
import org.opencdp.tracking.domain.EventResult;
import org.opencdp.tracking.domain.Holder;
import org.opencdp.tracking.domain.ReducedUserAgent;
import org.opencdp.tracking.domain.UserAgents;
import org.opencdp.tracking.domain.WebEvent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Takes batches of web events: from websites (site key, origin) and from servers (service token). Every event is
 * read and minimised alone; the consent gate decides for all holders of the batch at once; what is allowed is
 * stored with its ledger entry (unless restricted or sent twice, {@link EventWriter}), what is not is counted and
 * dropped. Without a decision nothing is stored
 * ({@link org.opencdp.consentdecisions.ConsentDecisions.ConsentUnavailable}, answered 503).
 */
@ApplicationScoped
public class IngestionService {

    @Inject
    EventReader reader;

    @Inject
    ConsentGate gate;

    @Inject
    EventWriter writer;

    @Inject
    TrackingSettings settings;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry metrics;

    /** A browser batch for a site whose key, origin and limit were checked (libs/public-sites). */
    public BatchOutcome collectFromSite(PublicSite site, String userAgent, String body) {
        return collect(EventReader.Source.site(site.siteKey()), userAgent, body);
    }

    /** A batch a server posted with its service token; its events may name a subject. */
    public BatchOutcome collectFromServer(String userAgent, String body) {
        return collect(EventReader.Source.SERVER, userAgent, body);
    }

    private BatchOutcome collect(EventReader.Source source, String userAgent, String body) {
        List<JsonNode> batch = batch(body);
        Instant receivedAt = clock.instant();
        ReducedUserAgent reduced = UserAgents.reduce(userAgent);

        EventResult[] results = new EventResult[batch.size()];
        List<WebEvent> read = new ArrayList<>(batch.size());
        List<Integer> positions = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            EventReader.Read event = reader.read(batch.get(i), source, reduced, receivedAt);
            if (event.event() == null) {
                results[i] = EventResult.rejected(event.rejection());
            } else {
                read.add(event.event());
                positions.add(i);
            }
        }

        Set<Holder> holders = new LinkedHashSet<>();
        read.forEach(event -> holders.add(event.holder()));
        Map<Holder, ConsentDecision> decisions = holders.isEmpty() ? Map.of() : gate.decide(holders);

        List<WebEvent> allowed = new ArrayList<>(read.size());
        int refused = 0;
        for (int j = 0; j < read.size(); j++) {
            WebEvent event = read.get(j);
            ConsentDecision decision = decisions.getOrDefault(event.holder(), ConsentDecision.REFUSED);
            if (decision.allowed()) {
                allowed.add(event.collectedUnder(decision.entryId()));
                results[positions.get(j)] = EventResult.ACCEPTED_RESULT;
            } else {
                refused++;
                results[positions.get(j)] = EventResult.NO_CONSENT_RESULT;
            }
        }
        Map<UUID, EventResult> notStored = writer.store(allowed, source.countedAs(), refused, receivedAt);
        for (int j = 0; j < read.size(); j++) {
            EventResult result = notStored.get(read.get(j).id());
            if (result != null) {
                results[positions.get(j)] = result;
            }
        }
        BatchOutcome outcome = new BatchOutcome(List.of(results));
        count(outcome);
        return outcome;
    }

    /** The batch's events, or a problem for the batch as a whole (nothing of it is stored). */
    private List<JsonNode> batch(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("The body must be a JSON object {\"events\": [...]}.");
        }
        if (utf8Length(body) > settings.maxBatchBytes()) {
            throw new ProblemException(
                    ProblemType.PAYLOAD_TOO_LARGE,
                    "A batch may have at most " + settings.maxBatchBytes() + " bytes; nothing was stored.");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "The body is not valid JSON; nothing was stored.");
        }
        JsonNode events = root == null ? null : root.get("events");
        if (root == null || !root.isObject() || events == null || !events.isArray() || root.size() != 1) {
            throw ProblemException.badRequest("The body must be a JSON object {\"events\": [...]}.");
        }
        if (events.size() > settings.maxBatchEvents()) {
            throw new ProblemException(
                    ProblemType.PAYLOAD_TOO_LARGE,
                    "A batch may have at most " + settings.maxBatchEvents() + " events; nothing was stored.");
        }
        List<JsonNode> batch = new ArrayList<>(events.size());
        events.forEach(batch::add);
        return batch;
    }

    /** The body's length in UTF-8, counted without encoding it (a copy of every body, 4 % of the bytes allocated). */
    static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes++; // a lone surrogate: the encoder writes '?' for it
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** Per outcome; dropped events also per reason (no-consent, restricted), other outcomes with reason "none". */
    private void count(BatchOutcome outcome) {
        outcome.results().stream()
                .collect(Collectors.groupingBy(
                        result -> List.of(
                                result.status().name().toLowerCase(Locale.ROOT),
                                result.status() == EventResult.Status.DROPPED ? result.reason() : "none"),
                        Collectors.counting()))
                .forEach((tags, n) -> metrics.counter(
                                "opencdp.tracking.events", "outcome", tags.get(0), "reason", tags.get(1))
                        .increment(n));
    }
}
