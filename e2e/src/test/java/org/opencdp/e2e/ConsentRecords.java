package org.opencdp.e2e;

import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.function.Supplier;

import io.restassured.specification.RequestSpecification;

/**
 * Consent recorded at consent-service as its clients record it: for the purpose's current version, with the hash of
 * the text the person was shown in their language.
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
        Map<String, Object> current = recorder.get()
                .when()
                .get("/api/v1/purposes/" + purpose)
                .then()
                .statusCode(200)
                .extract()
                .path("current");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, String>> texts = (Map<String, Map<String, String>>) current.get("texts");
        return recorder.get()
                .body(Map.of(
                        holder,
                        holderId,
                        "purpose",
                        purpose,
                        "version",
                        current.get("version"),
                        "language",
                        language,
                        "textHash",
                        texts.get(language).get("hash"),
                        "channel",
                        channel))
                .when()
                .post("/api/v1/consents")
                .then()
                .statusCode(201)
                .body("status", equalTo("GRANTED"))
                .extract()
                .path("entryId");
    }
}
