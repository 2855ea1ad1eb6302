package org.opencdp.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithPostgres
@WithTestResource(SelfSubscriptionTestResource.class)
class OutboxTest {

    private static final Duration DELIVERY = Duration.ofSeconds(15);

    @Inject
    Outbox outbox;

    @Inject
    Inbox inbox;

    @Inject
    OutboxHousekeeping housekeeping;

    @Inject
    DataSource dataSource;

    record Changed(UUID subjectId, String ageBand) {}

    @AfterEach
    void subscriberIsUpAgain() {
        TestSubscriber.failWith = 0;
    }

    @Test
    void aCommittedChangeReachesTheSubscriberWithItsIdTypeSubjectAndPayload() {
        UUID subject = UUID.randomUUID();

        UUID eventId = QuarkusTransaction.requiringNew().call(() -> changeAndPublish(subject, "35-44"));

        await().atMost(DELIVERY)
                .until(() -> !TestSubscriber.receivedAbout(subject).isEmpty());
        EventEnvelope received = TestSubscriber.receivedAbout(subject).get(0);
        assertThat(received.id()).isEqualTo(eventId);
        assertThat(received.type()).isEqualTo("profile.changed");
        assertThat(received.version()).isEqualTo(2);
        assertThat(received.payload().get("ageBand").asText()).isEqualTo("35-44");
        assertThat(received.occurredAt()).isBetween(Instant.now().minusSeconds(60), Instant.now());
        await().atMost(DELIVERY)
                .untilAsserted(
                        () -> assertThat(delivery(eventId).get("delivered_at")).isNotNull());
        assertThat(delivery(eventId)).containsEntry("attempts", 1).containsEntry("last_error", null);
    }

    @Test
    void aRolledBackChangePublishesNothing() {
        UUID subject = UUID.randomUUID();

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                    changeAndPublish(subject, "18-24");
                    throw new IllegalStateException("the change fails after the event was written");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(TestDatabase.count("SELECT count(*) FROM outbox_event WHERE subject_id = ?", subject))
                .isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM test_change WHERE subject_id = ?", subject))
                .isZero();
    }

    @Test
    void publishingOutsideTheTransactionOfAChangeIsRefused() {
        assertThatThrownBy(() -> outbox.publish("profile.changed", 1, UUID.randomUUID(), Map.of()))
                .isInstanceOf(TransactionalException.class);
    }

    @Test
    void anEventTypeThatIsNotDottedLowerCaseWordsOrAVersionBelowOneIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> QuarkusTransaction.requiringNew()
                        .run(() -> outbox.publish("ProfileChanged", 1, UUID.randomUUID(), Map.of())));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> QuarkusTransaction.requiringNew()
                        .run(() -> outbox.publish("profile.changed", 0, UUID.randomUUID(), Map.of())));
    }

    @Test
    void anEventOfATypeNoSubscriberWantsIsStoredButGoesNowhere() {
        UUID subject = UUID.randomUUID();

        UUID eventId =
                QuarkusTransaction.requiringNew().call(() -> outbox.publish("customer.deleted", 1, subject, Map.of()));

        assertThat(TestDatabase.count("SELECT count(*) FROM outbox_event WHERE id = ?", eventId))
                .isOne();
        assertThat(TestDatabase.count("SELECT count(*) FROM outbox_delivery WHERE event_id = ?", eventId))
                .isZero();
    }

    @Test
    void whileTheSubscriberIsDownNothingIsLostAndItGetsEveryEventInOrderOnceItIsBack() {
        TestSubscriber.failWith = 503;
        UUID subject = UUID.randomUUID();
        List<UUID> published = IntStream.range(0, 5)
                .mapToObj(i -> QuarkusTransaction.requiringNew()
                        .call(() -> outbox.publish("profile.changed", 1, subject, new Changed(subject, "band-" + i))))
                .toList();

        await().atMost(DELIVERY)
                .untilAsserted(() -> assertThat(delivery(published.get(0)))
                        .containsEntry("last_error", "HTTP 503")
                        .satisfies(
                                row -> assertThat((Integer) row.get("attempts")).isGreaterThanOrEqualTo(2)));
        assertThat(TestSubscriber.receivedAbout(subject)).isEmpty();
        // Head of line: while the oldest event fails, the later ones are not tried on their own.
        assertThat(delivery(published.get(4)).get("attempts")).isEqualTo(0);

        TestSubscriber.failWith = 0;

        await().atMost(DELIVERY)
                .until(() -> TestSubscriber.receivedAbout(subject).size() >= 5);
        assertThat(TestSubscriber.receivedAbout(subject))
                .extracting(EventEnvelope::id)
                .containsExactlyElementsOf(published);
        await().atMost(DELIVERY)
                .until(() -> TestDatabase.count(
                                "SELECT count(*) FROM outbox_delivery d JOIN "
                                        + "outbox_event e ON e.id = d.event_id WHERE e.subject_id = ? AND d.delivered_at IS NOT NULL",
                                subject)
                        == 5);
    }

    @Test
    void anEventDeliveredTwiceIsHandledOnce() {
        UUID eventId = TimeOrderedIds.next();
        String batch = """
                [{"id":"%s","type":"profile.changed","version":1,"subjectId":"%s","occurredAt":"2026-11-25T10:15:30Z",
                  "payload":{"ageBand":"25-34"}}]""".formatted(eventId, UUID.randomUUID());

        for (int delivery = 0; delivery < 2; delivery++) {
            given().auth()
                    .oauth2(TestTokens.serviceAccount("outbox-test"))
                    .contentType(ContentType.JSON)
                    .body(batch)
                    .when()
                    .post("/test/inbox")
                    .then()
                    .statusCode(204);
        }

        assertThat(TestSubscriber.RECEIVED)
                .filteredOn(e -> e.id().equals(eventId))
                .hasSize(2);
        assertThat(TestSubscriber.HANDLED).filteredOn(eventId::equals).hasSize(1);
    }

    @Test
    void theInboxRemembersAnEventOnlyIfItsHandlingCommitted() {
        UUID eventId = UUID.randomUUID();

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                    assertThat(inbox.firstDelivery(eventId)).isTrue();
                    throw new IllegalStateException("handling failed");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(QuarkusTransaction.requiringNew().call(() -> inbox.firstDelivery(eventId)))
                .isTrue();
        assertThat(QuarkusTransaction.requiringNew().call(() -> inbox.firstDelivery(eventId)))
                .isFalse();
    }

    @Test
    void housekeepingDeletesEventsOnlyOnceEverySubscriberHasHadThemLongEnough() {
        UUID oldDelivered = oldEvent(Duration.ofDays(8), Duration.ofDays(8));
        UUID oldPending = oldEvent(Duration.ofDays(8), null);
        UUID recentlyDelivered = oldEvent(Duration.ofDays(8), Duration.ofDays(1));
        UUID oldInboxEntry = UUID.randomUUID();
        UUID recentInboxEntry = UUID.randomUUID();
        TestDatabase.execute(
                "INSERT INTO inbox_event VALUES (?, now() - interval '31 days'), (?, now() - interval '29 days')",
                oldInboxEntry,
                recentInboxEntry);

        housekeeping.clean();

        assertThat(eventExists(oldDelivered)).isFalse();
        assertThat(eventExists(oldPending)).isTrue();
        assertThat(eventExists(recentlyDelivered)).isTrue();
        assertThat(TestDatabase.count("SELECT count(*) FROM inbox_event WHERE event_id = ?", oldInboxEntry))
                .isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM inbox_event WHERE event_id = ?", recentInboxEntry))
                .isOne();
    }

    @Test
    void forgettingASubjectDeletesItsDeliveredEventsAndKeepsThoseStillOnTheirWay() {
        UUID subject = UUID.randomUUID();
        UUID delivered = oldEvent(subject, Duration.ofMinutes(5), Duration.ofMinutes(4));
        UUID pending = oldEvent(subject, Duration.ofMinutes(5), null);

        int forgotten = QuarkusTransaction.requiringNew().call(() -> outbox.forgetDeliveredEventsOf(subject));

        assertThat(forgotten).isOne();
        assertThat(eventExists(delivered)).isFalse();
        assertThat(eventExists(pending)).isTrue();
    }

    /** A change and its event in the caller's transaction, as a service writes them. */
    private UUID changeAndPublish(UUID subject, String ageBand) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement change = c.prepareStatement("INSERT INTO test_change (subject_id) VALUES (?)")) {
            change.setObject(1, subject);
            change.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return outbox.publish("profile.changed", 2, subject, new Changed(subject, ageBand));
    }

    /** An event written straight into the tables, back-dated; delivered {@code deliveredAgo} ago or pending. */
    private static UUID oldEvent(Duration age, Duration deliveredAgo) {
        return oldEvent(UUID.randomUUID(), age, deliveredAgo);
    }

    private static UUID oldEvent(UUID subject, Duration age, Duration deliveredAgo) {
        UUID id = TimeOrderedIds.at(System.currentTimeMillis() - age.toMillis());
        TestDatabase.execute(
                "INSERT INTO outbox_event (id, type, version, subject_id, occurred_at, payload) "
                        + "VALUES (?, 'profile.changed', 1, ?, now() - ?::bigint * interval '1 second', '{}')",
                id,
                subject,
                age.toSeconds());
        // A subscriber name the relay does not serve, so the relay leaves the row as the test wrote it.
        TestDatabase.execute(
                "INSERT INTO outbox_delivery (event_id, subscriber, next_attempt_at, delivered_at) "
                        + "VALUES (?, 'archive', now(), now() - ?::bigint * interval '1 second')",
                id,
                deliveredAgo == null ? null : deliveredAgo.toSeconds());
        return id;
    }

    private static boolean eventExists(UUID id) {
        return TestDatabase.count("SELECT count(*) FROM outbox_event WHERE id = ?", id) == 1;
    }

    private static Map<String, Object> delivery(UUID eventId) {
        return TestDatabase.rows(
                        "SELECT attempts, last_error, delivered_at FROM outbox_delivery WHERE event_id = ? "
                                + "AND subscriber = 'self'",
                        eventId)
                .get(0);
    }
}
