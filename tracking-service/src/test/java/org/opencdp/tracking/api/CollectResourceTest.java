package org.opencdp.tracking.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.opencdp.tracking.api.Batches.DEMO_ORIGIN;
import static org.opencdp.tracking.api.Batches.event;
import static org.opencdp.tracking.api.Batches.fromDemoPage;
import static org.opencdp.tracking.api.Batches.newId;
import static org.opencdp.tracking.api.Batches.send;
import static org.opencdp.tracking.api.Batches.with;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

@QuarkusTest
@WithPostgres
@WithConsentService
class CollectResourceTest {

    private final String visitor = newId();
    private final String session = newId();
    private final Instant now = Instant.now();

    @AfterEach
    void consentServiceBack() {
        DecisionsServer.unavailable(false);
    }

    private long storedOf(String visitorId) {
        return TestDatabase.count("SELECT count(*) FROM tracked_event WHERE visitor_id = ?", visitorId);
    }

    @Test
    void eventsOfAVisitorWithConsentAreStoredWithTheirLedgerEntry() {
        UUID entry = DecisionsServer.grant(visitor);
        send(List.of(
                        with(
                                event("page_view", visitor, session, "https://shop.example/tents", now),
                                "referrer",
                                "https://search.example/"),
                        with(
                                event("click", visitor, session, "https://shop.example/tents", now.plusSeconds(5)),
                                "element",
                                "add-to-cart:tent-fjell-2"),
                        with(
                                with(
                                        event(
                                                "page_leave",
                                                visitor,
                                                session,
                                                "https://shop.example/tents",
                                                now.plusSeconds(9)),
                                        "dwellMs",
                                        9000),
                                "scrollDepth",
                                72)))
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", DEMO_ORIGIN)
                .header("Access-Control-Expose-Headers", containsString("Retry-After"))
                .body("accepted", equalTo(3))
                .body("dropped", equalTo(0))
                .body("rejected", equalTo(0))
                .body("results.status", equalTo(List.of("accepted", "accepted", "accepted")));

        List<Map<String, Object>> rows = TestDatabase.rows(
                "SELECT type, consent_entry_id, site_key, element, dwell_ms, scroll_depth, referrer FROM tracked_event "
                        + "WHERE visitor_id = ? ORDER BY client_time",
                visitor);
        assertThat(rows).hasSize(3);
        assertThat(rows)
                .allSatisfy(row -> assertThat(row.get("consent_entry_id")).isEqualTo(entry));
        assertThat(rows).extracting(row -> row.get("type")).containsExactly("page_view", "click", "page_leave");
        assertThat(rows.get(0).get("referrer")).isEqualTo("https://search.example/");
        assertThat(rows.get(1).get("element")).isEqualTo("add-to-cart:tent-fjell-2");
        assertThat(rows.get(2).get("dwell_ms")).isEqualTo(9000L);
        assertThat(((Number) rows.get(2).get("scroll_depth")).intValue()).isEqualTo(72);
    }

    @Test
    void eventsWithoutConsentAreCountedAndDropped() {
        long before = refusedToday();
        send(List.of(event("page_view", visitor, session, "https://shop.example/", now)))
                .then()
                .statusCode(200)
                .body("accepted", equalTo(0))
                .body("dropped", equalTo(1))
                .body("results[0].status", equalTo("dropped"))
                .body("results[0].reason", equalTo("no-consent"));
        assertThat(storedOf(visitor)).isZero();
        assertThat(refusedToday()).isEqualTo(before + 1);
        RestAssured.given()
                .baseUri(java.net
                        .URI
                        .create(TestHTTPResourceManager.getManagementUri())
                        .resolve("/")
                        .toString())
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("opencdp_tracking_events_total{outcome=\"dropped\""));
    }

    private static long refusedToday() {
        return TestDatabase.count(
                "SELECT coalesce(sum(events), 0) FROM refused_event_count WHERE day = ? AND source = 'site_demo'",
                LocalDate.now(ZoneOffset.UTC));
    }

    @Test
    void addressesAreStrippedOfPersonalParametersAndFragmentsAndTheUserAgentIsReduced() {
        DecisionsServer.grant(visitor);
        send(List.of(with(
                        event(
                                "page_view",
                                visitor,
                                session,
                                "https://shop.example/account?tab=orders&email=jane%40example.com&user_name=jane"
                                        + "&access_token=abc&ref=x%40y.z&page=2#token=secret",
                                now),
                        "referrer",
                        "https://mail.example/inbox?phone=0171123#frag")))
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1));
        Map<String, Object> row = TestDatabase.rows(
                        "SELECT url, referrer, browser, browser_major, device_class FROM tracked_event WHERE visitor_id = ?",
                        visitor)
                .getFirst();
        assertThat(row.get("url")).isEqualTo("https://shop.example/account?tab=orders&page=2");
        assertThat(row.get("referrer")).isEqualTo("https://mail.example/inbox");
        assertThat(row.get("browser")).isEqualTo("Chrome");
        assertThat(row.get("browser_major")).isEqualTo(131);
        assertThat(row.get("device_class")).isEqualTo("desktop");
    }

    @Test
    void noColumnCanHoldAnIpAddressOrAFullUserAgent() {
        List<Map<String, Object>> columns = TestDatabase.rows(
                "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' "
                        + "AND table_name IN ('tracked_event', 'site', 'visitor_subject', 'refused_event_count', "
                        + "'revoked_consent_entry') AND column_name ~ '(^|_)(ip|addr|address|remote|user_agent|ua)(_|$)'");
        assertThat(columns).isEmpty();
    }

    @Test
    void malformedEventsAreRejectedAloneAndTheGoodOnesKept() {
        DecisionsServer.grant(visitor);
        List<Map<String, Object>> batch = List.of(
                event("page_view", visitor, session, "https://shop.example/a", now),
                event("page_scroll", visitor, session, "https://shop.example/a", now),
                with(
                        with(event("page_leave", visitor, session, "https://shop.example/a", now), "dwellMs", 10),
                        "scrollDepth",
                        101),
                with(
                        event("click", visitor, session, "https://shop.example/a", now.plusMillis(1)),
                        "element",
                        "Jane Doe's basket"),
                event("page_view", "NOT-HEX", session, "https://shop.example/a", now),
                event("page_view", visitor, session, "javascript:alert(1)", now.plusMillis(2)),
                with(
                        event("page_view", visitor, session, "https://shop.example/b", now.plusMillis(3)),
                        "subjectId",
                        UUID.randomUUID().toString()),
                with(
                        event("page_view", visitor, session, "https://shop.example/c", now.plusMillis(4)),
                        "ip",
                        "10.0.0.1"),
                event("page_view", visitor, session, "https://shop.example/d", now.plus(Duration.ofDays(1))),
                event("page_view", visitor, session, "https://shop.example/e", now.minus(Duration.ofDays(30))),
                with(
                        event("custom", visitor, session, "https://shop.example/f", now.plusMillis(5)),
                        "name",
                        "newsletter_signup"));
        send(batch)
                .then()
                .statusCode(200)
                .body("accepted", equalTo(2))
                .body("rejected", equalTo(9))
                .body("results", hasSize(11))
                .body("results[0].status", equalTo("accepted"))
                .body("results[0].reason", nullValue())
                .body("results[1].reason", containsString("type"))
                .body("results[2].reason", containsString("scrollDepth"))
                .body("results[3].reason", containsString("element"))
                .body("results[4].reason", containsString("visitorId"))
                .body("results[5].reason", containsString("url"))
                .body("results[6].reason", containsString("subjectId"))
                .body("results[7].reason", containsString("unknown field ip"))
                .body("results[8].reason", equalTo("clientTime: too far in the future"))
                .body("results[9].reason", equalTo("clientTime: too far in the past"))
                .body("results[10].status", equalTo("accepted"));
        assertThat(storedOf(visitor)).isEqualTo(2);
    }

    @Test
    void aBatchSentAgainIsStoredOnce() {
        DecisionsServer.grant(visitor);
        List<Map<String, Object>> batch = List.of(event("page_view", visitor, session, "https://shop.example/", now));
        send(batch).then().statusCode(200).body("accepted", equalTo(1));
        send(batch).then().statusCode(200).body("accepted", equalTo(1));
        assertThat(storedOf(visitor)).isEqualTo(1);
    }

    @Test
    void anOversizeBatchIsRefusedWholeWith413() {
        DecisionsServer.grant(visitor);
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            batch.add(event("page_view", visitor, session, "https://shop.example/" + i, now.plusMillis(i)));
        }
        send(batch)
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:opencdp:problem:payload-too-large"))
                .body("detail", containsString("100 events"));

        String long_ = "https://shop.example/?q=" + "x".repeat(2000);
        List<Map<String, Object>> heavy = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            heavy.add(event("page_view", visitor, session, long_, now.plusMillis(i)));
        }
        send(heavy).then().statusCode(413).body("detail", containsString("bytes"));
        assertThat(storedOf(visitor)).isZero();
    }

    @Test
    void aBodyThatIsNotABatchIsA400Problem() {
        fromDemoPage()
                .body("{\"events\": [")
                .when()
                .post("/api/v1/collect/site_demo")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:opencdp:problem:malformed-json"));
        fromDemoPage()
                .body("[]")
                .when()
                .post("/api/v1/collect/site_demo")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("{\"events\": [...]}"));
    }

    @Test
    void anUnknownSiteKeyIsA404ProblemAndNothingIsStored() {
        DecisionsServer.grant(visitor);
        fromDemoPage()
                .body(Batches.json(
                        Map.of("events", List.of(event("page_view", visitor, session, "https://a.example/", now)))))
                .when()
                .post("/api/v1/collect/site_nosuchsite")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", nullValue());
        assertThat(storedOf(visitor)).isZero();
    }

    @Test
    void anOriginTheSiteDoesNotAllowIsA403ProblemAndNothingIsStored() {
        DecisionsServer.grant(visitor);
        RestAssured.given()
                .header("Origin", "https://evil.example")
                .contentType("text/plain;charset=UTF-8")
                .body(Batches.json(
                        Map.of("events", List.of(event("page_view", visitor, session, "https://a.example/", now)))))
                .when()
                .post("/api/v1/collect/site_demo")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", nullValue());
        assertThat(storedOf(visitor)).isZero();
    }

    @Test
    void aPreflightIsAnsweredForTheSitesOriginsOnly() {
        RestAssured.given()
                .header("Origin", DEMO_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .when()
                .options("/api/v1/collect/site_demo")
                .then()
                .statusCode(204)
                .header("Access-Control-Allow-Origin", DEMO_ORIGIN)
                .header("Access-Control-Allow-Methods", containsString("POST"));
        RestAssured.given()
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .when()
                .options("/api/v1/collect/site_demo")
                .then()
                .statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void whenConsentServiceCannotDecideNothingIsStoredAnd503SaysWhenToRetry() {
        DecisionsServer.grant(visitor);
        DecisionsServer.unavailable(true);
        send(List.of(event("page_view", visitor, session, "https://shop.example/", now)))
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "10")
                .header("Access-Control-Allow-Origin", DEMO_ORIGIN)
                .header("Access-Control-Expose-Headers", containsString("Retry-After"))
                .body("type", equalTo("urn:opencdp:problem:service-unavailable"));
        assertThat(storedOf(visitor)).isZero();
    }

    @Test
    void theFrontendOriginsOfTheSharedCorsSettingsStillWorkElsewhere() {
        RestAssured.given()
                .header("Origin", "http://localhost:3000")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000");
    }
}
