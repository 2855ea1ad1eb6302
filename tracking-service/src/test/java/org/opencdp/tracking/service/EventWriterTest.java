package org.opencdp.tracking.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.WithPostgres;
import org.opencdp.tracking.AcceptedEvents;
import org.opencdp.tracking.domain.EventResult;
import org.opencdp.tracking.domain.UserAgents;
import org.opencdp.tracking.domain.WebEvent;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The writer's rules on batches whose events carry entries of their own: a revoked entry's events are dropped
 * whatever else the batch holds, an event that only repeats a revoked one is stored, server events without a session
 * are never duplicates, and a resend is found however close to its client time the first sending was received.
 */
@QuarkusTest
@WithPostgres
class EventWriterTest {

    @Inject
    EventReader reader;

    @Inject
    EventWriter writer;

    @Inject
    ObjectMapper json;

    private final String visitor = newId();
    private final String session = newId();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void eventsUnderARevokedEntryAreDroppedAndCountedTheOthersOfTheBatchStored() {
        UUID revoked = UUID.randomUUID();
        UUID live = UUID.randomUUID();
        revoke(revoked);
        String otherVisitor = newId();
        WebEvent late = site(pageView(visitor, session, now), revoked);
        WebEvent kept = site(pageView(otherVisitor, session, now), live);
        WebEvent lateToo = site(pageView(visitor, session, now.plusSeconds(1)), revoked);
        long refusedBefore = refusedToday("server");

        Map<UUID, EventResult> notStored = writer.store(List.of(late, kept, lateToo), "server", 0, now);

        assertThat(notStored).containsOnlyKeys(late.id(), lateToo.id()).containsValues(EventResult.NO_CONSENT_RESULT);
        assertThat(storedOf(visitor)).isZero();
        assertThat(storedOf(otherVisitor)).isEqualTo(1);
        assertThat(refusedToday("server")).isEqualTo(refusedBefore + 2);
    }

    @Test
    void anEventRepeatingOneUnderARevokedEntryIsStoredAsIfTheRevokedOneWasNeverSent() {
        // A shop's server event for a subject (the subject's entry, revoked meanwhile) and the same visitor, session,
        // type and client time without the subject (the visitor's entry): the first is dropped, so the second is no
        // repeat of anything stored and is stored; a third sending of it in the batch is a duplicate.
        UUID subject = UUID.randomUUID();
        UUID subjectsEntry = UUID.randomUUID();
        UUID visitorsEntry = UUID.randomUUID();
        revoke(subjectsEntry);
        Map<String, Object> view = pageView(visitor, session, now);
        Map<String, Object> forSubject = new LinkedHashMap<>(view);
        forSubject.put("subjectId", subject.toString());
        WebEvent revokedOne = server(forSubject, subjectsEntry);
        WebEvent repeat = server(view, visitorsEntry);
        WebEvent repeatAgain = server(view, visitorsEntry);

        Map<UUID, EventResult> notStored = writer.store(List.of(revokedOne, repeat, repeatAgain), "server", 0, now);

        assertThat(notStored)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        revokedOne.id(), EventResult.NO_CONSENT_RESULT,
                        repeatAgain.id(), EventResult.DUPLICATE_RESULT));
        assertThat(TestDatabase.rows("SELECT id, consent_entry_id FROM tracked_event WHERE visitor_id = ?", visitor))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.get("id")).isEqualTo(repeat.id());
                    assertThat(row.get("consent_entry_id")).isEqualTo(visitorsEntry);
                });
    }

    @Test
    void serverEventsWithoutVisitorOrSessionAreNeverDuplicatesInABatchOrAcrossBatches() {
        UUID subject = UUID.randomUUID();
        UUID entry = UUID.randomUUID();
        Map<String, Object> bySubject = new LinkedHashMap<>();
        bySubject.put("type", "custom");
        bySubject.put("subjectId", subject.toString());
        bySubject.put("name", "order_placed");
        bySubject.put("url", "https://shop.example/checkout");
        bySubject.put("clientTime", now.toString());
        Map<String, Object> withVisitorNoSession = new LinkedHashMap<>(bySubject);
        withVisitorNoSession.put("visitorId", visitor);

        assertThat(writer.store(
                        List.of(
                                server(bySubject, entry),
                                server(bySubject, entry),
                                server(withVisitorNoSession, entry)),
                        "server",
                        0,
                        now))
                .isEmpty();
        assertThat(writer.store(
                        List.of(server(bySubject, entry), server(withVisitorNoSession, entry)), "server", 0, now))
                .isEmpty();
        assertThat(TestDatabase.count("SELECT count(*) FROM tracked_event WHERE subject_id = ?", subject))
                .isEqualTo(5);
    }

    @Test
    void aResendIsFoundWhenTheFirstSendingWasReceivedAsLongBeforeItsClientTimeAsAllowed() {
        // The client's clock ran 10 minutes ahead (the most allowed): the first sending was received 10 minutes
        // before the event's client time, the resend now.
        assertResendFoundWhenFirstSendingReceivedAt(now.minus(10, ChronoUnit.MINUTES));
    }

    @Test
    void batchesStoredTogetherAreSortedAsIfOneAfterTheOtherEachKeepingItsReceiptTime() {
        UUID entry = UUID.randomUUID();
        UUID revoked = UUID.randomUUID();
        revoke(revoked);
        Instant earlier = now.minusSeconds(5);
        Map<String, Object> view = pageView(visitor, session, now);
        WebEvent first = read(view, EventReader.Source.site("site_demo"), entry, earlier);
        WebEvent repeated = site(view, entry);
        WebEvent later = site(pageView(visitor, session, now.plusSeconds(1)), entry);
        WebEvent underRevoked = server(pageView(newId(), session, now), revoked);
        long refusedSite = refusedToday("site_demo");
        long refusedServer = refusedToday("server");

        List<Map<UUID, EventResult>> answers = writer.storeTogether(List.of(
                new EventWriter.Batch(List.of(first), "site_demo", 2, earlier),
                new EventWriter.Batch(List.of(repeated, later), "site_demo", 1, now),
                new EventWriter.Batch(List.of(underRevoked), "server", 0, now)));

        assertThat(answers)
                .containsExactly(
                        Map.of(),
                        Map.of(repeated.id(), EventResult.DUPLICATE_RESULT),
                        Map.of(underRevoked.id(), EventResult.NO_CONSENT_RESULT));
        assertThat(TestDatabase.rows(
                        "SELECT id, (extract(epoch FROM received_at) * 1000)::bigint AS received_ms FROM tracked_event"
                                + " WHERE visitor_id = ? ORDER BY client_time",
                        visitor))
                .satisfiesExactly(
                        row -> {
                            assertThat(row.get("id")).isEqualTo(first.id());
                            assertThat(row.get("received_ms")).isEqualTo(earlier.toEpochMilli());
                        },
                        row -> {
                            assertThat(row.get("id")).isEqualTo(later.id());
                            assertThat(row.get("received_ms")).isEqualTo(now.toEpochMilli());
                        });
        assertThat(refusedToday("site_demo")).isEqualTo(refusedSite + 3);
        assertThat(refusedToday("server")).isEqualTo(refusedServer + 1);
    }

    @Test
    void aResendIsFoundWhenTheFirstSendingWasReceivedByAnInstanceWhoseClockRanAhead() {
        // Another instance, its clock 5 minutes ahead of this one's, received the first sending.
        assertResendFoundWhenFirstSendingReceivedAt(now.plus(5, ChronoUnit.MINUTES));
    }

    /** Stores a page view as received at {@code firstReceived}, then sends it again now: a duplicate, stored once. */
    private void assertResendFoundWhenFirstSendingReceivedAt(Instant firstReceived) {
        UUID entry = UUID.randomUUID();
        Map<String, Object> view = pageView(visitor, session, now);
        assertThat(writer.store(
                        List.of(read(view, EventReader.Source.site("site_demo"), entry, firstReceived)),
                        "site_demo",
                        0,
                        firstReceived))
                .isEmpty();
        WebEvent resent = site(view, entry);

        assertThat(writer.store(List.of(resent), "site_demo", 0, now))
                .containsExactlyEntriesOf(Map.of(resent.id(), EventResult.DUPLICATE_RESULT));
        assertThat(storedOf(visitor)).isEqualTo(1);
    }

    @Test
    void textsWithQuotesBackslashesBracesAndCommasAreStoredAsSent() {
        // The columns travel as arrays: what an array literal would have to escape must arrive unchanged.
        String awkward = "say \"hi\", {it} \\ costs 5,00 € NULL";
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("type", "custom");
        custom.put("visitorId", visitor);
        custom.put("sessionId", session);
        custom.put("name", "quote_seen");
        custom.put("url", "https://shop.example/a,b/c;d");
        custom.put("clientTime", now.toString());
        custom.put("properties", Map.of("said", awkward, "count", 2));

        WebEvent event = site(custom, UUID.randomUUID());
        assertThat(writer.store(List.of(event), "site_demo", 0, now)).isEmpty();

        assertThat(TestDatabase.rows(
                        "SELECT url, name, properties->>'said' AS said, properties->>'count' AS count"
                                + " FROM tracked_event WHERE visitor_id = ?",
                        visitor))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.get("url")).isEqualTo(event.url());
                    assertThat(row.get("name")).isEqualTo("quote_seen");
                    assertThat(row.get("said")).isEqualTo(awkward);
                    assertThat(row.get("count")).isEqualTo("2");
                });
    }

    /** The entry as ConsentRevocations records it when consent.revoked arrives (after the gate decided). */
    private static void revoke(UUID entry) {
        TestDatabase.execute("INSERT INTO revoked_consent_entry (entry_id, revoked_at) VALUES (?, now())", entry);
    }

    private WebEvent site(Map<String, Object> event, UUID entry) {
        return read(event, EventReader.Source.site("site_demo"), entry);
    }

    private WebEvent server(Map<String, Object> event, UUID entry) {
        return read(event, EventReader.Source.SERVER, entry);
    }

    private WebEvent read(Map<String, Object> event, EventReader.Source source, UUID entry) {
        return read(event, source, entry, now);
    }

    private WebEvent read(Map<String, Object> event, EventReader.Source source, UUID entry, Instant receivedAt) {
        EventReader.Read read =
                reader.read(json.valueToTree(event), source, UserAgents.reduce(AcceptedEvents.CHROME_UA), receivedAt);
        assertThat(read.rejection()).isNull();
        return read.event().collectedUnder(entry);
    }

    private static Map<String, Object> pageView(String visitorId, String sessionId, Instant at) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "page_view");
        event.put("visitorId", visitorId);
        event.put("sessionId", sessionId);
        event.put("url", "https://shop.example/tents");
        event.put("clientTime", at.toString());
        return event;
    }

    private static long storedOf(String visitorId) {
        return TestDatabase.count("SELECT count(*) FROM tracked_event WHERE visitor_id = ?", visitorId);
    }

    private static long refusedToday(String source) {
        return TestDatabase.count(
                "SELECT coalesce(sum(events), 0) FROM refused_event_count WHERE day = ? AND source = ?",
                LocalDate.now(ZoneOffset.UTC),
                source);
    }

    private static String newId() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
