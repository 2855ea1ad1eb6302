package org.opencdp.consent.api;

import static io.restassured.RestAssured.given;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.opencdp.testsupport.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Calls and bodies the consent tests share. */
final class ConsentFixtures {

    static final String PURPOSES = "/api/v1/purposes";

    private ConsentFixtures() {}

    static RequestSpecification as(String role) {
        return given().auth().oauth2(TestTokens.forRole(role)).contentType(ContentType.JSON);
    }

    static RequestSpecification asService(String clientId) {
        return given().auth().oauth2(TestTokens.serviceAccount(clientId)).contentType(ContentType.JSON);
    }

    static RequestSpecification asShop() {
        return given().auth().oauth2(TestTokens.shop("shop-backend")).contentType(ContentType.JSON);
    }

    static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }

    /** A visitor id in the documented format: 32 lowercase hex digits. */
    static String newVisitorId() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static String uniquePurposeId() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> purpose(String id, String legalBasis, boolean directMarketing) {
        return Map.of(
                "id",
                id,
                "legalBasis",
                legalBasis,
                "directMarketing",
                directMarketing,
                "doubleOptIn",
                false,
                "dataCategories",
                List.of("contact-data"),
                "retention",
                "until the consent is revoked",
                "texts",
                texts("Angebote " + id, "Ich möchte Angebote erhalten."));
    }

    static Map<String, Object> texts(String title, String body) {
        return Map.of(
                "de", Map.of("title", title, "body", body),
                "en", Map.of("title", title + " (en)", "body", body + " (en)"));
    }

    /** Creates a purpose as the dpo and returns its id. */
    static String createPurpose(String legalBasis, boolean directMarketing) {
        String id = uniquePurposeId();
        as("dpo")
                .body(purpose(id, legalBasis, directMarketing))
                .when()
                .post(PURPOSES)
                .then()
                .statusCode(201);
        return id;
    }

    /** The hash of a purpose's current text in a language, as a client reads it from the catalog. */
    static String currentHash(String purpose, String language) {
        return as("sales")
                .when()
                .get(PURPOSES + "/" + purpose)
                .then()
                .statusCode(200)
                .extract()
                .path("current.texts." + language + ".hash");
    }

    static int currentVersion(String purpose) {
        return as("sales")
                .when()
                .get(PURPOSES + "/" + purpose)
                .then()
                .statusCode(200)
                .extract()
                .path("current.version");
    }

    static final String CONSENTS = "/api/v1/consents";
    static final String REVOCATIONS = "/api/v1/revocations";

    /** A grant of the purpose's current German text, by the channel given, for a subject or visitor. */
    static Map<String, Object> grant(String holderField, String holderId, String purpose, String channel) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put(holderField, holderId);
        body.put("purpose", purpose);
        body.put("version", currentVersion(purpose));
        body.put("language", "de");
        body.put("textHash", currentHash(purpose, "de"));
        body.put("channel", channel);
        return body;
    }

    /** Records a grant by phone as sales and returns the entry id. */
    static String grantByPhone(String subjectId, String purpose) {
        return as("sales")
                .body(grant("subjectId", subjectId, purpose, "PHONE"))
                .when()
                .post(CONSENTS)
                .then()
                .statusCode(201)
                .extract()
                .path("entryId");
    }

    static io.restassured.response.ValidatableResponse revoke(
            String holderField, String holderId, List<String> purposes) {
        return as("sales")
                .body(Map.of(holderField, holderId, "purposes", purposes, "channel", "PHONE"))
                .when()
                .post(REVOCATIONS)
                .then();
    }

    static long ledgerRows() {
        return org.opencdp.testsupport.TestDatabase.count("SELECT count(*) FROM consent_entry");
    }
}
