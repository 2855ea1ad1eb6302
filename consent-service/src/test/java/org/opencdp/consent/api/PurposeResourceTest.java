package org.opencdp.consent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.opencdp.consent.api.ConsentFixtures.PURPOSES;
import static org.opencdp.consent.api.ConsentFixtures.anonymous;
import static org.opencdp.consent.api.ConsentFixtures.as;
import static org.opencdp.consent.api.ConsentFixtures.asService;
import static org.opencdp.consent.api.ConsentFixtures.asShop;
import static org.opencdp.consent.api.ConsentFixtures.createPurpose;
import static org.opencdp.consent.api.ConsentFixtures.purpose;
import static org.opencdp.consent.api.ConsentFixtures.texts;
import static org.opencdp.consent.api.ConsentFixtures.uniquePurposeId;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencdp.consent.domain.PurposeText;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithPostgres
class PurposeResourceTest {

    @Test
    void theFourShippedPurposesComeInGermanAndEnglishWithTheHashOfTheirCanonicalText() {
        List<Map<String, Object>> catalog = as("marketing")
                .when()
                .get(PURPOSES)
                .then()
                .statusCode(200)
                .body("id", hasItems("newsletter", "web-analytics", "personalisation", "phone-marketing"))
                .extract()
                .path("findAll { it.id in ['newsletter', 'web-analytics', 'personalisation', 'phone-marketing'] }");
        assertThat(catalog).hasSize(4);
        for (Map<String, Object> purpose : catalog) {
            assertThat(purpose.get("legalBasis")).isEqualTo("CONSENT");
            @SuppressWarnings("unchecked")
            Map<String, Map<String, String>> texts =
                    (Map<String, Map<String, String>>) ((Map<String, Object>) purpose.get("current")).get("texts");
            assertThat(texts).containsOnlyKeys("de", "en");
            texts.values()
                    .forEach(t -> assertThat(t.get("hash"))
                            .as("the migration's SQL hash equals the service's")
                            .isEqualTo(PurposeText.hashOf(t.get("title"), t.get("body"))));
        }
        as("sales")
                .when()
                .get(PURPOSES + "/newsletter")
                .then()
                .statusCode(200)
                .body("directMarketing", equalTo(true))
                .body("doubleOptIn", equalTo(true));
        as("sales").when().get(PURPOSES + "/phone-marketing").then().body("directMarketing", equalTo(true));
        as("sales").when().get(PURPOSES + "/web-analytics").then().body("directMarketing", equalTo(false));
    }

    @Test
    void theHashIsOverTheNfcFormSoDecomposedUmlautsHashAlike() {
        assertThat(PurposeText.hashOf("Mu\u0308ller", "Text")).isEqualTo(PurposeText.hashOf("M\u00fcller", "Text"));
        assertThat(PurposeText.hashOf("a", "b")).isNotEqualTo(PurposeText.hashOf("a", "b "));
    }

    @Test
    void changingATextPublishesANewVersionAndKeepsTheOldOne() {
        String id = createPurpose("CONSENT", false);
        String v1Hash = ConsentFixtures.currentHash(id, "de");

        as("dpo")
                .body(Map.of("texts", texts("Angebote neu", "Ich möchte wöchentlich Angebote erhalten.")))
                .when()
                .post(PURPOSES + "/" + id + "/versions")
                .then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/purposes/" + id + "/versions/2"))
                .body("version", equalTo(2));

        as("service")
                .when()
                .get(PURPOSES + "/" + id)
                .then()
                .statusCode(200)
                .body("current.version", equalTo(2))
                .body("versions.version", org.hamcrest.Matchers.contains(1, 2));
        as("service")
                .when()
                .get(PURPOSES + "/" + id + "/versions/1")
                .then()
                .statusCode(200)
                .body("texts.de.hash", equalTo(v1Hash));
    }

    @Test
    void theSameTextsAgainAreNoNewVersion() {
        String id = createPurpose("CONSENT", false);
        long versions = TestDatabase.count("SELECT count(*) FROM purpose_version WHERE purpose_id = ?", id);
        as("dpo")
                .body(Map.of("texts", texts("Angebote " + id, "Ich möchte Angebote erhalten.")))
                .when()
                .post(PURPOSES + "/" + id + "/versions")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        assertThat(TestDatabase.count("SELECT count(*) FROM purpose_version WHERE purpose_id = ?", id))
                .isEqualTo(versions);
    }

    @Test
    void aPublishedTextCannotBeChangedEvenInTheDatabase() {
        assertThatThrownBy(() -> TestDatabase.execute(
                        "UPDATE purpose_text SET body = 'changed' WHERE purpose_id = 'newsletter' AND version = 1"))
                .rootCause()
                .hasMessageContaining("never changed");
        assertThatThrownBy(() -> TestDatabase.execute(
                        "UPDATE purpose_version SET created_by = 'x' WHERE purpose_id = 'newsletter'"))
                .rootCause()
                .hasMessageContaining("never changed");
    }

    @Test
    void unknownPurposesAndVersionsAre404() {
        as("sales")
                .when()
                .get(PURPOSES + "/no-such-purpose")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as("sales").when().get(PURPOSES + "/newsletter/versions/99").then().statusCode(404);
        as("sales")
                .when()
                .get(PURPOSES + "/newsletter/versions/x")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("version"));
        as("dpo")
                .body(Map.of("texts", texts("a", "b")))
                .when()
                .post(PURPOSES + "/no-such-purpose/versions")
                .then()
                .statusCode(404);
    }

    @Test
    void badPurposesAreRefusedAndNothingIsStored() {
        long before = TestDatabase.count("SELECT count(*) FROM purpose");
        Map<String, Object> badId = new HashMap<>(purpose("Not A Slug", "CONSENT", false));
        as("dpo").body(badId).when().post(PURPOSES).then().statusCode(400).body("errors[0].field", equalTo("id"));
        Map<String, Object> contractWithOptIn = new HashMap<>(purpose(uniquePurposeId(), "CONTRACT", false));
        contractWithOptIn.put("doubleOptIn", true);
        as("dpo")
                .body(contractWithOptIn)
                .when()
                .post(PURPOSES)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("doubleOptIn"));
        Map<String, Object> badLanguage = new HashMap<>(purpose(uniquePurposeId(), "CONSENT", false));
        badLanguage.put("texts", Map.of("German", Map.of("title", "t", "body", "b")));
        as("dpo").body(badLanguage).when().post(PURPOSES).then().statusCode(400);
        as("dpo")
                .body(purpose("newsletter", "CONSENT", true))
                .when()
                .post(PURPOSES)
                .then()
                .statusCode(409);
        assertThat(TestDatabase.count("SELECT count(*) FROM purpose")).isEqualTo(before);
    }

    @Test
    void onlyTheDpoWritesAndEveryStaffRoleAndServiceReads() {
        anonymous().when().get(PURPOSES).then().statusCode(401);
        anonymous()
                .body(purpose(uniquePurposeId(), "CONSENT", false))
                .when()
                .post(PURPOSES)
                .then()
                .statusCode(401);
        for (String role : List.of("sales", "service", "marketing", "analyst", "admin")) {
            as(role).body(purpose(uniquePurposeId(), "CONSENT", false))
                    .when()
                    .post(PURPOSES)
                    .then()
                    .statusCode(403);
            as(role).body(Map.of("texts", texts("a", "b")))
                    .when()
                    .post(PURPOSES + "/newsletter/versions")
                    .then()
                    .statusCode(403);
            as(role).when().get(PURPOSES).then().statusCode(200);
        }
        asService("tracking-service")
                .when()
                .get(PURPOSES + "/web-analytics")
                .then()
                .statusCode(200);
        asShop().when().get(PURPOSES).then().statusCode(200);
        asShop().body(Map.of("texts", texts("a", "b")))
                .when()
                .post(PURPOSES + "/newsletter/versions")
                .then()
                .statusCode(403);
    }
}
