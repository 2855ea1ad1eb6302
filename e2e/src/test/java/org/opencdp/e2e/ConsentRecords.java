package org.opencdp.e2e;

import static org.hamcrest.Matchers.equalTo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Consent recorded at consent-service as its clients record it: for the purpose's current version, with the hash of
 * the text the person was shown in their language; and revoked as they revoke it.
 */
final class ConsentRecords {

    private ConsentRecords() {}

    /**
     * Records a grant and returns its ledger entry id. {@code recorder} gives a fresh request to consent-service,
     * authenticated as a caller allowed to record on {@code channel}; {@code holder} is "subjectId" or "visitorId".
     */
    static String grant(
            Supplier<RequestSpecification> recorder,
            String holder,
            String holderId,
            String purpose,
            String language,
            String channel) {
        return record(recorder, Map.of(holder, holderId), purpose, language, channel)
                .body("status", equalTo("GRANTED"))
                .extract()
                .path("entryId");
    }

    /**
     * Records a consent with {@code fields} (the holder, and e.g. the e-mail address a double opt-in goes to) for the
     * purpose's current version and text; returns the 201 answer, whose status (GRANTED or PENDING) the caller checks.
     */
    static ValidatableResponse record(
            Supplier<RequestSpecification> recorder,
            Map<String, Object> fields,
            String purpose,
            String language,
            String channel) {
        Map<String, Object> current = recorder.get()
                .when()
                .get("/api/v1/purposes/" + purpose)
                .then()
                .statusCode(200)
                .extract()
                .path("current");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, String>> texts = (Map<String, Map<String, String>>) current.get("texts");
        Map<String, Object> consent = new LinkedHashMap<>(fields);
        consent.put("purpose", purpose);
        consent.put("version", current.get("version"));
        consent.put("language", language);
        consent.put("textHash", texts.get(language).get("hash"));
        consent.put("channel", channel);
        return recorder.get()
                .body(consent)
                .when()
                .post("/api/v1/consents")
                .then()
                .statusCode(201);
    }

    /**
     * Revokes the holder's consent to {@code purpose} on {@code channel}; returns the 200 answer (per purpose: whether
     * it changed, the revoked entry).
     */
    static ValidatableResponse revoke(
            RequestSpecification revoker, String holder, String holderId, String purpose, String channel) {
        return revoker.body(Map.of(holder, holderId, "purposes", List.of(purpose), "channel", channel))
                .when()
                .post("/api/v1/revocations")
                .then()
                .statusCode(200);
    }
}
