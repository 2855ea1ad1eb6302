package org.opencdp.consent.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.opencdp.consent.api.ConsentFixtures.as;
import static org.opencdp.consent.api.ConsentFixtures.currentHash;
import static org.opencdp.consent.api.ConsentFixtures.currentVersion;
import static org.opencdp.consent.api.ConsentFixtures.newVisitorId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** The cookie banner's public endpoints, behind libs/public-sites, with the demo site of the test profile. */
@QuarkusTest
@WithPostgres
class BannerResourceTest {

    private static final String PAGE = "http://localhost:8084";
    private static final String BASE = "/api/v1/public/sites/site_demo";

    private static RequestSpecification fromPage() {
        return given().header("Origin", PAGE).contentType(ContentType.JSON);
    }

    private static Map<String, Object> choice(String purpose, boolean granted) {
        return new HashMap<>(Map.of(
                "purpose",
                purpose,
                "version",
                currentVersion(purpose),
                "textHash",
                currentHash(purpose, "de"),
                "granted",
                granted));
    }

    private static Map<String, Object> body(String visitor, List<Map<String, Object>> choices) {
        return new HashMap<>(Map.of("visitorId", visitor, "language", "de", "choices", choices));
    }

    private static ValidatableResponse choose(Map<String, Object> body) {
        return fromPage().body(body).when().post(BASE + "/consents").then();
    }

    private static ValidatableResponse decision(String visitor, String purpose) {
        return as("marketing")
                .queryParam("visitorId", visitor)
                .queryParam("purpose", purpose)
                .when()
                .get("/api/v1/decisions")
                .then()
                .statusCode(200);
    }

    private static long ledger() {
        return TestDatabase.count("SELECT count(*) FROM consent_entry");
    }

    @Test
    void aBannerGetsTheConsentPurposesWithTheirCurrentTextsInTheLanguageOrTheDefault() {
        fromPage()
                .queryParam("lang", "en")
                .when()
                .get(BASE + "/purposes")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", PAGE)
                .body("purpose", hasItem("web-analytics"))
                .body("purpose", hasItem("personalisation"))
                // the newsletter needs a double opt-in by e-mail, phone marketing is no banner's business either
                .body("purpose", not(hasItem("newsletter")))
                .body("find { it.purpose == 'web-analytics' }.language", equalTo("en"))
                .body("find { it.purpose == 'web-analytics' }.textHash", equalTo(currentHash("web-analytics", "en")))
                .body("find { it.purpose == 'web-analytics' }.version", equalTo(currentVersion("web-analytics")));
        for (String lang : List.of("de-AT", "fr")) {
            fromPage()
                    .queryParam("lang", lang)
                    .when()
                    .get(BASE + "/purposes")
                    .then()
                    .statusCode(200)
                    .body("find { it.purpose == 'web-analytics' }.language", equalTo("de"));
        }
    }

    @Test
    void acceptThenRejectIsRecordedWithProofAndTheNextDecisionFollows() {
        String visitor = newVisitorId();
        choose(body(visitor, List.of(choice("web-analytics", true), choice("personalisation", true))))
                .statusCode(200)
                .header("Access-Control-Allow-Origin", PAGE)
                .body("visitorId", equalTo(visitor))
                .body("choices.granted", everyItem(equalTo(true)))
                .body("choices.entryId", everyItem(notNullValue()));
        decision(visitor, "web-analytics").body("allowed", equalTo(true)).body("reason", equalTo("GRANTED"));

        Map<String, Object> grant = TestDatabase.rows(
                        "SELECT action, channel, purpose_version, language, text_hash, recorded_by_kind, recorded_by "
                                + "FROM consent_entry WHERE holder_type = 'VISITOR' AND purpose_id = 'web-analytics' "
                                + "AND holder_id = ?::uuid",
                        uuidOf(visitor))
                .getFirst();
        assertThat(grant)
                .containsEntry("action", "GRANT")
                .containsEntry("channel", "COOKIE_BANNER")
                .containsEntry("purpose_version", currentVersion("web-analytics"))
                .containsEntry("language", "de")
                .containsEntry("text_hash", currentHash("web-analytics", "de"))
                .containsEntry("recorded_by_kind", "SITE")
                .containsEntry("recorded_by", "site_demo");

        choose(body(visitor, List.of(choice("web-analytics", false), choice("personalisation", false))))
                .statusCode(200)
                .body("choices.granted", everyItem(equalTo(false)))
                .body("choices.changed", everyItem(equalTo(true)));
        decision(visitor, "web-analytics").body("allowed", equalTo(false)).body("reason", equalTo("REVOKED"));
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM outbox_event WHERE type = 'consent.revoked' AND payload::text "
                                + "LIKE ?",
                        "%" + visitor + "%"))
                .isEqualTo(1);

        fromPage()
                .when()
                .get(BASE + "/visitors/" + visitor + "/consents")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", PAGE)
                .body("decisions.find { it.purpose == 'web-analytics' }.allowed", equalTo(false))
                .body("decisions.find { it.purpose == 'web-analytics' }.reason", equalTo("REVOKED"))
                .body("history.findAll { it.purpose == 'web-analytics' }.action", equalTo(List.of("GRANT", "REVOKE")))
                .body("history[0].channel", equalTo("COOKIE_BANNER"))
                .body("history[0].recordedBy", equalTo("SITE"));
    }

    @Test
    void rejectingWhatWasNeverGrantedRecordsNothing() {
        String visitor = newVisitorId();
        long before = ledger();
        choose(body(visitor, List.of(choice("web-analytics", false))))
                .statusCode(200)
                .body("choices[0].changed", equalTo(false));
        assertThat(ledger()).isEqualTo(before);
        decision(visitor, "web-analytics").body("allowed", equalTo(false)).body("reason", equalTo("NOT_GRANTED"));
    }

    @Test
    void aBodyNamingASubjectIsRefusedAndNothingRecorded() {
        long before = ledger();
        Map<String, Object> body = body(newVisitorId(), List.of(choice("web-analytics", true)));
        body.put("subjectId", "7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c");
        choose(body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("subjectId"));
        body.remove("visitorId");
        choose(body).statusCode(400).contentType("application/problem+json");
        assertThat(ledger()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "3F6B1C0E9A7D4E2B8C5A1F0D6E9B2C47",
                "3f6b1c0e9a7d4e2b8c5a1f0d6e9b2c4",
                "3f6b1c0e-9a7d-4e2b-8c5a-1f0d6e9b2c47",
                "visitor-1",
                ""
            })
    void aVisitorIdNotInTheDocumentedFormatIsRefusedAndNothingRecorded(String visitor) {
        long before = ledger();
        choose(body(visitor, List.of(choice("web-analytics", true))))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("visitorId"));
        assertThat(ledger()).isEqualTo(before);
    }

    @Test
    void aVisitorIdNotInTheFormatCannotBeRead() {
        fromPage()
                .when()
                .get(BASE + "/visitors/NOT-A-VISITOR/consents")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void anUnknownPurposeOrVersionOrAWrongHashRefusesTheWholeChoice() {
        String visitor = newVisitorId();
        long before = ledger();
        Map<String, Object> unknown = choice("web-analytics", true);
        unknown.put("purpose", "no-such-purpose");
        Map<String, Object> noVersion = choice("web-analytics", true);
        noVersion.put("version", 999);
        Map<String, Object> wrongHash = choice("web-analytics", true);
        wrongHash.put("textHash", currentHash("web-analytics", "en"));
        Map<String, Object> newsletter = choice("newsletter", true);
        for (Map<String, Object> bad : List.of(unknown, noVersion, wrongHash, newsletter)) {
            // A good choice first: it must not be recorded when a later one is refused.
            List<Map<String, Object>> choices = new ArrayList<>(List.of(choice("personalisation", true), bad));
            choose(body(visitor, choices)).statusCode(422).contentType("application/problem+json");
        }
        choose(body(visitor, List.of(choice("web-analytics", true), choice("web-analytics", false))))
                .statusCode(422)
                .body("detail", containsString("twice"));
        assertThat(ledger()).isEqualTo(before);
        decision(visitor, "personalisation").body("allowed", equalTo(false));
    }

    @Test
    void aDisallowedOriginOrAWrongKeyIsRefusedAndNothingRecorded() {
        long before = ledger();
        Map<String, Object> body = body(newVisitorId(), List.of(choice("web-analytics", true)));
        given().header("Origin", "https://evil.example")
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(BASE + "/consents")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", nullValue());
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(BASE + "/consents")
                .then()
                .statusCode(403);
        fromPage()
                .body(body)
                .when()
                .post("/api/v1/public/sites/site_nosuchsite/consents")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        assertThat(ledger()).isEqualTo(before);
    }

    @Test
    void aDisabledSiteOrOneOverItsLimitIsRefusedAndNothingRecorded() {
        String disabled = register(Map.of("enabled", false));
        String limited = register(Map.of("requestsPerMinute", 1));
        long before = ledger();
        Map<String, Object> body = body(newVisitorId(), List.of(choice("web-analytics", true)));
        given().header("Origin", "https://shop.example")
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/public/sites/" + disabled + "/consents")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().header("Origin", "https://shop.example")
                .when()
                .get("/api/v1/public/sites/" + limited + "/purposes")
                .then()
                .statusCode(200);
        given().header("Origin", "https://shop.example")
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/public/sites/" + limited + "/consents")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .header("Access-Control-Allow-Origin", "https://shop.example");
        assertThat(ledger()).isEqualTo(before);
    }

    @Test
    void aPreflightOfTheChoiceIsAnsweredForTheSitesOriginsOnly() {
        given().header("Origin", PAGE)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .when()
                .options(BASE + "/consents")
                .then()
                .statusCode(204)
                .header("Access-Control-Allow-Origin", PAGE)
                .header("Access-Control-Allow-Methods", containsString("POST"));
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .when()
                .options(BASE + "/consents")
                .then()
                .statusCode(403);
    }

    private static String register(Map<String, Object> extra) {
        Map<String, Object> site = new HashMap<>(extra);
        site.put("name", "Banner test");
        site.put("allowedOrigins", List.of("https://shop.example"));
        return as("admin")
                .body(site)
                .when()
                .post("/api/v1/sites")
                .then()
                .statusCode(201)
                .extract()
                .path("siteKey");
    }

    private static String uuidOf(String visitor) {
        return visitor.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5");
    }
}
