package org.opencdp.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.opencdp.e2e.WebEvents.event;
import static org.opencdp.e2e.WebEvents.newId;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencdp.localstack.Service;

/**
 * Web tracking under consent, with the real consent-service, real tokens and the demo site key: a visitor whose
 * web-analytics consent the shop recorded at consent-service has its events stored, each under the ledger entry
 * consent-service returned; a visitor without consent is dropped and counted; a revocation at consent-service reaches
 * tracking-service through the outbox, which deletes the visitor's events and refuses new ones. behaviour-service
 * takes the same event. A shop's server events are stored only for the subjects with consent, each under its entry.
 */
@WithLocalSuite
class TrackingConsentTest {

    private static final Duration OUTBOX_DELIVERY = Duration.ofSeconds(30);
    private static final String PURPOSE = "web-analytics";

    private static E2eSuite suite;

    @BeforeAll
    static void connect(E2eSuite started) {
        suite = started;
    }

    @Test
    void eventsAreStoredUnderTheLedgerEntryOfTheConsentAndDeletedWhenItIsRevoked() {
        String visitor = newId();
        String session = newId();
        UUID subject = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        // As the shop's banner backend records it, for the current English text.
        UUID entry = UUID.fromString(ConsentRecords.grant(
                () -> suite.asShop(Service.CONSENT), "visitorId", visitor, PURPOSE, "en", "WEB_FORM"));

        WebEvents.collect(
                        suite,
                        List.of(
                                event("page_view", visitor, session, "https://shop.example/tents", now),
                                with(
                                        event(
                                                "click",
                                                visitor,
                                                session,
                                                "https://shop.example/tents",
                                                now.plusSeconds(2)),
                                        "element",
                                        "add-to-cart:tent-fjell-2"),
                                // Malformed: rejected alone, the good events of the batch are kept.
                                event(
                                        "page_scroll",
                                        visitor,
                                        session,
                                        "https://shop.example/tents",
                                        now.plusSeconds(3))))
                .statusCode(200)
                .body("accepted", equalTo(2))
                .body("duplicates", equalTo(0))
                .body("dropped", equalTo(0))
                .body("rejected", equalTo(1))
                .body("results.status", equalTo(List.of("accepted", "accepted", "rejected")));

        // The shop identifies the visitor; the subject's export shows the events as stored.
        WebEvents.identify(suite, visitor, subject);
        List<Map<String, Object>> stored = WebEvents.of(suite, subject);
        assertThat(stored).hasSize(2);
        assertThat(stored).extracting(row -> row.get("type")).containsExactly("page_view", "click");
        assertThat(stored)
                .allSatisfy(row -> assertThat(row.get("consent_entry_id")).isEqualTo(entry.toString()));

        double deliveredToBehaviour = outbox("opencdp_outbox_delivered_total", "behaviour");
        ConsentRecords.revoke(suite.asShop(Service.CONSENT), "visitorId", visitor, PURPOSE, "WEB_FORM")
                .body("purposes[0].changed", equalTo(true))
                .body("purposes[0].revokedEntryId", equalTo(entry.toString()));

        WebEvents.until(
                suite, subject, OUTBOX_DELIVERY, events -> assertThat(events).isEmpty());
        // behaviour-service takes the same event: its receiver answered 2xx, nothing is left for it.
        await().atMost(OUTBOX_DELIVERY).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(outbox("opencdp_outbox_delivered_total", "behaviour")).isGreaterThan(deliveredToBehaviour);
            assertThat(outbox("opencdp_outbox_pending", "behaviour")).isZero();
        });

        WebEvents.collect(suite, List.of(event("page_view", visitor, session, "https://shop.example/", Instant.now())))
                .statusCode(200)
                .body("accepted", equalTo(0))
                .body("dropped", equalTo(1))
                .body("results[0].reason", equalTo("no-consent"));
        assertThat(WebEvents.of(suite, subject)).isEmpty();
    }

    @Test
    void eventsOfAVisitorWithoutConsentAreDroppedAndCounted() {
        String visitor = newId();
        WebEvents.collect(suite, List.of(event("page_view", visitor, newId(), "https://shop.example/", Instant.now())))
                .statusCode(200)
                .body("accepted", equalTo(0))
                .body("dropped", equalTo(1))
                .body("results[0].status", equalTo("dropped"))
                .body("results[0].reason", equalTo("no-consent"));
        given().baseUri(suite.layout().managementUrl(Service.TRACKING))
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("opencdp_tracking_events_total{outcome=\"dropped\""));
    }

    @Test
    void serverEventsAreStoredOnlyForSubjectsWithConsentEachUnderItsLedgerEntry() {
        UUID consenting = UUID.randomUUID();
        UUID withoutConsent = UUID.randomUUID();
        String visitor = newId();
        String session = newId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // The shop's backend records the consent its checkout took (channel API) at the real consent-service.
        UUID entry = UUID.fromString(ConsentRecords.grant(
                () -> suite.asShop(Service.CONSENT), "subjectId", consenting.toString(), PURPOSE, "de", "API"));

        Map<String, Object> orderPlaced = Map.of(
                "type",
                "custom",
                "subjectId",
                consenting.toString(),
                "url",
                "https://shop.example/checkout/done",
                "clientTime",
                now.toString(),
                "name",
                "order_placed",
                "properties",
                Map.of("items", 2));
        Map<String, Object> viewed =
                with(event("page_view", visitor, session, "https://shop.example/tents", now), "subjectId", consenting);
        suite.asShop(Service.TRACKING)
                .body(Map.of(
                        "events",
                        List.of(
                                orderPlaced,
                                viewed,
                                // The same event twice in one batch: stored once.
                                viewed,
                                Map.of(
                                        "type", "custom",
                                        "subjectId", withoutConsent.toString(),
                                        "url", "https://shop.example/checkout/done",
                                        "clientTime", now.toString(),
                                        "name", "order_placed"))))
                .when()
                .post("/api/v1/events")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(2))
                .body("duplicates", equalTo(1))
                .body("dropped", equalTo(1))
                .body("results.status", equalTo(List.of("accepted", "accepted", "duplicate", "dropped")))
                .body("results[3].reason", equalTo("no-consent"));

        List<Map<String, Object>> stored = WebEvents.of(suite, consenting);
        assertThat(stored).extracting(row -> row.get("type")).containsExactlyInAnyOrder("custom", "page_view");
        assertThat(stored)
                .allSatisfy(row -> assertThat(row.get("consent_entry_id")).isEqualTo(entry.toString()));
        assertThat(WebEvents.of(suite, withoutConsent)).isEmpty();
    }

    private static Map<String, Object> with(Map<String, Object> event, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(event);
        copy.put(field, value);
        return copy;
    }

    /** The value of a counter or gauge of consent-service's outbox for one subscriber (0 before its first event). */
    private static double outbox(String metric, String subscriber) {
        String metrics = given().baseUri(suite.layout().managementUrl(Service.CONSENT))
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return metrics.lines()
                .filter(line -> line.startsWith(metric + "{") && line.contains("subscriber=\"" + subscriber + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
