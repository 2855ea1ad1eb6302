package org.opencdp.tracking.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.opencdp.tracking.api.Batches.newId;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The figures on a known event set, as README "Analytics" documents them. Three visitors on a site of their own,
 * today (UTC):
 *
 * <ul>
 *   <li>A, session s1: views /a, clicks buy:1, hides /a twice (5 s at 30 %, then 20 s at 80 %), views /b, leaves it
 *       after 45 s at 10 %; then, 57 minutes later and still under s1, views /a again (a new session: more than 30
 *       minutes without an event) and never leaves it;
 *   <li>B, session s2: views /a, clicks buy:1 and info, leaves after 700 s at 100 %;
 *   <li>C: only a custom event (a visitor, but no session with a page view).
 * </ul>
 */
@QuarkusTest
@WithPostgres
class AnalyticsResourceTest {

    private final String site = "site_analytics_" + newId().substring(0, 8);
    private final String visitorA = newId();
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    private Instant at(String time) {
        return today.atTime(LocalTime.parse(time)).toInstant(ZoneOffset.UTC);
    }

    private void event(String visitor, String session, String type, String path, String time, Object... extra) {
        Map<String, Object> fields = new java.util.HashMap<>();
        for (int i = 0; i < extra.length; i += 2) {
            fields.put((String) extra[i], extra[i + 1]);
        }
        TestDatabase.execute(
                "INSERT INTO tracked_event (id, received_at, site_key, type, visitor_id, session_id, url, client_time,"
                        + " dwell_ms, scroll_depth, element, name, browser, browser_major, device_class,"
                        + " consent_entry_id) VALUES (?, now(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'Chrome', 131,"
                        + " 'desktop', ?)",
                UUID.randomUUID(),
                site,
                type,
                visitor,
                session,
                "https://shop.example" + path,
                Timestamp.from(at(time)),
                fields.get("dwellMs"),
                fields.get("scrollDepth"),
                fields.get("element"),
                fields.get("name"),
                UUID.randomUUID());
    }

    @BeforeEach
    void knownEvents() {
        TestDatabase.execute(
                "INSERT INTO public_site (id, site_key, name, allowed_origins, requests_per_minute, enabled, "
                        + "created_at) VALUES (gen_random_uuid(), ?, 'Analytics', ARRAY['https://shop.example'], 600, "
                        + "true, now())",
                site);
        String s1 = newId();
        event(visitorA, s1, "page_view", "/a", "10:00:00");
        event(visitorA, s1, "click", "/a", "10:00:30", "element", "buy:1");
        event(visitorA, s1, "page_leave", "/a", "10:01:00", "dwellMs", 5000L, "scrollDepth", 30);
        event(visitorA, s1, "page_leave", "/a", "10:01:10", "dwellMs", 20000L, "scrollDepth", 80);
        event(visitorA, s1, "page_view", "/b", "10:02:00");
        event(visitorA, s1, "page_leave", "/b", "10:03:00", "dwellMs", 45000L, "scrollDepth", 10);
        event(visitorA, s1, "page_view", "/a", "11:00:00");
        String visitorB = newId();
        String s2 = newId();
        event(visitorB, s2, "page_view", "/a", "10:10:00");
        event(visitorB, s2, "click", "/a", "10:10:05", "element", "buy:1");
        event(visitorB, s2, "click", "/a", "10:10:06", "element", "info");
        event(visitorB, s2, "page_leave", "/a", "10:20:00", "dwellMs", 700000L, "scrollDepth", 100);
        event(newId(), newId(), "custom", "/c", "10:30:00", "name", "newsletter_signup");
    }

    @Test
    void visitorsSessionsBounceRateAndPageViewsOfTheDay() {
        double bounceRate = given().auth()
                .oauth2(TestTokens.forRole("analyst"))
                .queryParam("from", today.toString())
                .queryParam("to", today.toString())
                .when()
                .get("/api/v1/analytics/sites/" + site + "/days")
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].day", equalTo(today.toString()))
                .body("[0].visitors", equalTo(3))
                .body("[0].sessions", equalTo(3))
                .body("[0].bouncedSessions", equalTo(2))
                .body("[0].pageViews", equalTo(4))
                .extract()
                .jsonPath()
                .getDouble("[0].bounceRate");
        assertThat(bounceRate).isCloseTo(2.0 / 3, within(1e-6));
    }

    @Test
    void topPagesWithDwellTimeScrollDepthAndClicks() {
        given().auth()
                .oauth2(TestTokens.forRole("marketing"))
                .when()
                .get("/api/v1/analytics/sites/" + site + "/pages")
                .then()
                .statusCode(200)
                .body("", hasSize(2))
                .body("[0].url", equalTo("https://shop.example/a"))
                .body("[0].pageViews", equalTo(3))
                .body("[0].measuredVisits", equalTo(2))
                .body("[0].averageDwellMs", equalTo(362500))
                .body(
                        "[0].dwellTime",
                        equalTo(Map.of("<10s", 0, "10-30s", 1, "30-60s", 0, "1-3min", 0, "3-10min", 0, ">=10min", 1)))
                .body("[0].scrollDepth", equalTo(Map.of("0-24", 0, "25-49", 0, "50-74", 0, "75-100", 2)))
                .body("[0].clicks", equalTo(Map.of("buy:1", 2, "info", 1)))
                .body("[1].url", equalTo("https://shop.example/b"))
                .body("[1].pageViews", equalTo(1))
                .body("[1].averageDwellMs", equalTo(45000))
                .body("[1].dwellTime.30-60s", equalTo(1))
                .body("[1].scrollDepth.0-24", equalTo(1))
                .body("[1].clicks", equalTo(Map.of()));
    }

    @Test
    void theSubjectsSummaryForThe360ViewCoversItsLinkedVisitors() {
        UUID subject = UUID.randomUUID();
        given().auth()
                .oauth2(TestTokens.shop("shop-backend"))
                .contentType(ContentType.JSON)
                .body(Map.of("subjectId", subject.toString()))
                .when()
                .post("/api/v1/visitors/" + visitorA + "/subject")
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(TestTokens.forRole("service"))
                .when()
                .get("/api/v1/subjects/" + subject + "/web-activity")
                .then()
                .statusCode(200)
                .body("lastVisit", equalTo(at("11:00:00").toString()))
                .body("visits", equalTo(2))
                .body(
                        "topPages",
                        equalTo(List.of(
                                Map.of("url", "https://shop.example/a", "views", 2),
                                Map.of("url", "https://shop.example/b", "views", 1))));
        given().auth()
                .oauth2(TestTokens.forRole("sales"))
                .when()
                .get("/api/v1/subjects/" + UUID.randomUUID() + "/web-activity")
                .then()
                .statusCode(200)
                .body("visits", equalTo(0))
                .body("topPages", hasSize(0));
    }

    @Test
    void badPeriodsAndUnknownSitesAreProblems() {
        String token = TestTokens.forRole("analyst");
        given().auth()
                .oauth2(token)
                .queryParam("from", "26.11.2026")
                .when()
                .get("/api/v1/analytics/sites/" + site + "/days")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("from"));
        given().auth()
                .oauth2(token)
                .queryParam("from", "2026-11-02")
                .queryParam("to", "2026-11-01")
                .when()
                .get("/api/v1/analytics/sites/" + site + "/days")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(token)
                .queryParam("from", "2020-01-01")
                .queryParam("to", "2026-01-01")
                .when()
                .get("/api/v1/analytics/sites/" + site + "/pages")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/analytics/sites/site_nosuch/days")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/subjects/not-a-uuid/web-activity")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.forRole("sales"))
                .when()
                .get("/api/v1/subjects/not-a-uuid/web-activity")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void reportsAreForAnalystsAndMarketingTheSummaryForSalesAndService() {
        for (String path : List.of("/days", "/pages")) {
            given().when().get("/api/v1/analytics/sites/" + site + path).then().statusCode(401);
            for (String role : List.of("sales", "service", "admin", "dpo")) {
                given().auth()
                        .oauth2(TestTokens.forRole(role))
                        .when()
                        .get("/api/v1/analytics/sites/" + site + path)
                        .then()
                        .statusCode(403)
                        .contentType("application/problem+json");
            }
        }
        String summary = "/api/v1/subjects/" + UUID.randomUUID() + "/web-activity";
        given().when().get(summary).then().statusCode(401);
        for (String role : List.of("analyst", "marketing", "admin", "dpo")) {
            given().auth()
                    .oauth2(TestTokens.forRole(role))
                    .when()
                    .get(summary)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
    }
}
