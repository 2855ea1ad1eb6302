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

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.WithPostgres;
import org.opencdp.tracking.AcceptedEvents;
import org.opencdp.tracking.domain.EventResult;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

@QuarkusTest
@WithPostgres
class CollectResourceTest {

    @Inject
    AcceptedEvents accepted;

    @TestHTTPResource("/")
    URI server;

    private final String visitor = newId();
    private final String session = newId();
    private final Instant now = Instant.now();

    private long storedOf(String visitorId) {
        return TestDatabase.count("SELECT count(*) FROM tracked_event WHERE visitor_id = ?", visitorId);
    }

    @Test
    void addressesAreStrippedOfPersonalParametersAndFragmentsAndTheUserAgentIsReduced() {
        accepted.fromSite(
                "site_demo",
                UUID.randomUUID(),
                List.of(with(
                        event(
                                "page_view",
                                visitor,
                                session,
                                "https://shop.example/account?tab=orders&email=jane%40example.com&user_name=jane"
                                        + "&access_token=abc&ref=x%40y.z&page=2#token=secret",
                                now),
                        "referrer",
                        "https://mail.example/inbox?phone=0171123#frag")));
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
                        + "AND table_name IN ('tracked_event', 'public_site', 'visitor_subject', 'refused_event_count', "
                        + "'revoked_consent_entry') AND column_name ~ '(^|_)(ip|addr|address|remote|user_agent|ua)(_|$)'");
        assertThat(columns).isEmpty();
    }

    @Test
    void malformedEventsAreRejectedEachWithTheFieldNamedAndNothingIsStored() {
        // Only malformed events: none reaches the consent gate. The good events of a mixed batch are kept: e2e
        // (TrackingConsentTest), where consent-service decides for them.
        List<Map<String, Object>> batch = List.of(
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
                event("page_view", visitor, session, "https://shop.example/e", now.minus(Duration.ofDays(30))));
        send(batch)
                .then()
                .statusCode(200)
                .body("accepted", equalTo(0))
                .body("rejected", equalTo(9))
                .body("results", hasSize(9))
                .body("results[0].status", equalTo("rejected"))
                .body("results[0].reason", containsString("type"))
                .body("results[1].reason", containsString("scrollDepth"))
                .body("results[2].reason", containsString("element"))
                .body("results[3].reason", containsString("visitorId"))
                .body("results[4].reason", containsString("url"))
                .body("results[5].reason", containsString("subjectId"))
                .body("results[6].reason", containsString("unknown field ip"))
                .body("results[7].reason", equalTo("clientTime: too far in the future"))
                .body("results[8].reason", equalTo("clientTime: too far in the past"));
        assertThat(storedOf(visitor)).isZero();
    }

    @Test
    void aBatchSentAgainIsStoredOnce() {
        UUID entry = UUID.randomUUID();
        List<Map<String, Object>> batch = List.of(event("page_view", visitor, session, "https://shop.example/", now));
        assertThat(accepted.fromSite("site_demo", entry, batch)).isEmpty();
        assertThat(accepted.fromSite("site_demo", entry, batch)).containsExactly(EventResult.DUPLICATE_RESULT);
        assertThat(storedOf(visitor)).isEqualTo(1);
    }

    @Test
    void eventsRepeatedInOneBatchAreStoredOnceAndReportedAsDuplicates() {
        UUID entry = UUID.randomUUID();
        Map<String, Object> view = event("page_view", visitor, session, "https://shop.example/", now);
        Map<String, Object> click = with(
                event("click", visitor, session, "https://shop.example/", now.plusSeconds(1)), "element", "buy:tent");
        // The same identity (visitor, session, type, client time) three times; the same time in another type and
        // another session are other events.
        Map<String, Object> leave = with(
                with(event("page_leave", visitor, session, "https://shop.example/", now), "dwellMs", 1000),
                "scrollDepth",
                40);
        Map<String, Object> otherSession = event("page_view", visitor, newId(), "https://shop.example/", now);
        List<EventResult> notStored =
                accepted.fromSite("site_demo", entry, List.of(view, click, view, leave, view, otherSession, click));
        assertThat(notStored)
                .containsExactly(
                        EventResult.DUPLICATE_RESULT, EventResult.DUPLICATE_RESULT, EventResult.DUPLICATE_RESULT);
        assertThat(storedOf(visitor)).isEqualTo(4);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM tracked_event WHERE visitor_id = ? AND type = 'page_view'", visitor))
                .isEqualTo(2);
    }

    @Test
    void anOversizeBatchIsRefusedWholeWith413() {
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
    void aFullBatchOfManyChunksIsReadWholeAndEveryEventGetsItsResult() {
        // Close to the 64 KiB limit: read on the event loop (opencdp.http.event-loop-body-paths) in many chunks.
        String url = "https://shop.example/tents?page=" + "1".repeat(300);
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            batch.add(with(
                    with(event("page_leave", visitor, session, url, now.plusMillis(i)), "dwellMs", 1000),
                    "scrollDepth",
                    101 + i));
        }
        assertThat(Batches.json(Map.of("events", batch)).length()).isBetween(50_000, 65_536);

        send(batch)
                .then()
                .statusCode(200)
                .body("rejected", equalTo(100))
                .body("results", hasSize(100))
                .body("results[99].reason", containsString("scrollDepth"));
        assertThat(storedOf(visitor)).isZero();
    }

    @Test
    void aBodyDeclaredOverTheHttpLimitIsA413ProblemBeforeAnyOfItIsRead() throws IOException {
        String answer;
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("POST /api/v1/collect/site_demo HTTP/1.1\r\nHost: localhost\r\nOrigin: " + DEMO_ORIGIN
                                    + "\r\nContent-Type: text/plain;charset=UTF-8\r\nContent-Length: 2000000\r\n\r\n"
                                    + "{\"events\":[")
                            .getBytes(StandardCharsets.US_ASCII));
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(answer).startsWith("HTTP/1.1 413 ");
        assertThat(answer).contains("application/problem+json", "urn:opencdp:problem:payload-too-large");
    }

    @Test
    void aBodyOfAnotherMediaTypeIsA415Problem() {
        fromDemoPage()
                .contentType("application/xml")
                .body("<events/>")
                .when()
                .post("/api/v1/collect/site_demo")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
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
