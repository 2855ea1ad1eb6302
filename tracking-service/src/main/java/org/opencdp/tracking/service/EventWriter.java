package org.opencdp.tracking.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.opencdp.tracking.domain.WebEvent;
import org.opencdp.tracking.repository.EventRepository;

/**
 * Stores a decided batch in one transaction: the events allowed (unless their ledger entry has been revoked since
 * the decision) and the number refused. Returns the events not stored because their entry was revoked meanwhile.
 */
@ApplicationScoped
public class EventWriter {

    @Inject
    EventRepository events;

    @Transactional
    public List<WebEvent> store(List<WebEvent> allowed, String source, int refused, Instant receivedAt) {
        List<WebEvent> revokedMeanwhile = new ArrayList<>();
        if (!allowed.isEmpty()) {
            events.lockAgainstRevocations(false);
            Set<UUID> revoked = events.revokedAmong(
                    allowed.stream().map(WebEvent::consentEntryId).distinct().toList());
            List<WebEvent> kept = new ArrayList<>(allowed.size());
            for (WebEvent event : allowed) {
                (revoked.contains(event.consentEntryId()) ? revokedMeanwhile : kept).add(event);
            }
            events.insert(kept, receivedAt);
        }
        int refusedInAll = refused + revokedMeanwhile.size();
        if (refusedInAll > 0) {
            events.countRefused(LocalDate.ofInstant(receivedAt, ZoneOffset.UTC), source, refusedInAll);
        }
        return revokedMeanwhile;
    }
}
