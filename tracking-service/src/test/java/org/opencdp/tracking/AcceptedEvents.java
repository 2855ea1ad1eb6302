package org.opencdp.tracking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.tracking.domain.EventResult;
import org.opencdp.tracking.domain.ReducedUserAgent;
import org.opencdp.tracking.domain.UserAgents;
import org.opencdp.tracking.domain.WebEvent;
import org.opencdp.tracking.service.EventReader;
import org.opencdp.tracking.service.EventWriter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Test fixture: stores events as the service does once the consent gate has allowed them, below the gate. Each event
 * is read and minimised by the service's {@link EventReader} and stored by its {@link EventWriter} under the given
 * ledger entry, so the tests of what happens after the gate (analytics, subject rights, revocation, storage) need no
 * consent-service. The gate itself is tested in ConsentGateTest, fail closed in CollectResourceTest, and with the
 * real consent-service in e2e.
 */
@ApplicationScoped
public class AcceptedEvents {

    public static final String CHROME_UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like "
            + "Gecko) Chrome/131.0.0.0 Safari/537.36";

    @Inject
    EventReader reader;

    @Inject
    EventWriter writer;

    @Inject
    ObjectMapper json;

    /**
     * Browser events of the site, sent with Chrome's user agent, allowed under the entry. Returns what became of the
     * events not stored (revoked entry, restricted subject, duplicate), in the batch's order (the writer's answer).
     */
    public List<EventResult> fromSite(String siteKey, UUID entry, List<Map<String, Object>> events) {
        return store(EventReader.Source.site(siteKey), entry, events);
    }

    /** Server events (they may name a subject), allowed under the entry. */
    public List<EventResult> fromServer(UUID entry, List<Map<String, Object>> events) {
        return store(EventReader.Source.SERVER, entry, events);
    }

    private List<EventResult> store(EventReader.Source source, UUID entry, List<Map<String, Object>> events) {
        Instant receivedAt = Instant.now();
        ReducedUserAgent userAgent = UserAgents.reduce(CHROME_UA);
        List<WebEvent> allowed = new ArrayList<>(events.size());
        for (Map<String, Object> event : events) {
            EventReader.Read read = reader.read(json.valueToTree(event), source, userAgent, receivedAt);
            if (read.event() == null) {
                throw new IllegalArgumentException("Not a valid event for this fixture: " + read.rejection());
            }
            allowed.add(read.event().collectedUnder(entry));
        }
        Map<UUID, EventResult> notStored = writer.store(allowed, source.countedAs(), 0, receivedAt);
        return allowed.stream()
                .map(event -> notStored.get(event.id()))
                .filter(java.util.Objects::nonNull)
                .toList();
    }
}
