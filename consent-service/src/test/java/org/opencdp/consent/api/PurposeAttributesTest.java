package org.opencdp.consent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.opencdp.consent.api.ConsentFixtures.PURPOSES;
import static org.opencdp.consent.api.ConsentFixtures.anonymous;
import static org.opencdp.consent.api.ConsentFixtures.as;
import static org.opencdp.consent.api.ConsentFixtures.asService;
import static org.opencdp.consent.api.ConsentFixtures.createPurpose;
import static org.opencdp.consent.api.ConsentFixtures.grantByPhone;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** The dpo edits a purpose's attributes; legal basis and flags only while the ledger holds nothing for it. */
@QuarkusTest
@WithPostgres
class PurposeAttributesTest {

    /** The attributes ConsentFixtures.purpose creates, to be changed by each test. */
    private static Map<String, Object> attributes(String legalBasis) {
        Map<String, Object> body = new HashMap<>();
        body.put("legalBasis", legalBasis);
        body.put("directMarketing", false);
        body.put("doubleOptIn", false);
        body.put("dataCategories", List.of("contact-data"));
        body.put("retention", "until the consent is revoked");
        return body;
    }

    private static ValidatableResponse edit(String id, Map<String, Object> body) {
        return as("dpo")
                .body(body)
                .when()
                .put(PURPOSES + "/" + id + "/attributes")
                .then();
    }

    private static long changes(String id) {
        return TestDatabase.count("SELECT count(*) FROM purpose_change WHERE purpose_id = ?", id);
    }

    @Test
    void dataCategoriesAndRetentionChangeEvenWhileConsentsExistAndEachChangeIsLogged() {
        String id = createPurpose("CONSENT", false);
        grantByPhone(UUID.randomUUID().toString(), id);
        Map<String, Object> body = attributes("CONSENT");
        body.put("dataCategories", List.of("contact-data", "purchase-history"));
        body.put("retention", "14 months after collection");
        body.put("retentionPeriod", "P14M");

        edit(id, body)
                .statusCode(200)
                .body("dataCategories", contains("contact-data", "purchase-history"))
                .body("retentionPeriod", equalTo("P14M"))
                .body("current.version", equalTo(1));

        as("dpo")
                .when()
                .get(PURPOSES + "/" + id + "/changes")
                .then()
                .statusCode(200)
                .body("number", contains(0, 1))
                .body("changedBy", contains("dpo.user", "dpo.user"))
                .body("[0].dataCategories", contains("contact-data"))
                .body("[1].dataCategories", contains("contact-data", "purchase-history"))
                .body("[1].retention", equalTo("14 months after collection"));
    }

    @Test
    void legalBasisAndFlagsAreRefusedOnceTheLedgerHoldsAnEntryForThePurpose() {
        String id = createPurpose("CONSENT", false);
        String subject = UUID.randomUUID().toString();
        grantByPhone(subject, id);
        for (Consumer<Map<String, Object>> change : List.<Consumer<Map<String, Object>>>of(
                b -> b.put("legalBasis", "LEGITIMATE_INTEREST"),
                b -> b.put("directMarketing", true),
                b -> b.put("doubleOptIn", true))) {
            Map<String, Object> body = attributes("CONSENT");
            change.accept(body);
            edit(id, body).statusCode(409).contentType("application/problem+json");
        }
        assertThat(changes(id)).isEqualTo(1);
        DecisionResourceTest.decide(subject, id).body("reason", equalTo("GRANTED"));
    }

    @Test
    void aPurposeWithoutEntriesMayChangeItsLegalBasisAndDecisionsFollow() {
        String id = createPurpose("CONSENT", false);
        String subject = UUID.randomUUID().toString();

        edit(id, attributes("LEGITIMATE_INTEREST")).statusCode(200).body("legalBasis", equalTo("LEGITIMATE_INTEREST"));

        DecisionResourceTest.decide(subject, id).body("allowed", equalTo(true)).body("reason", equalTo("LEGAL_BASIS"));
        as("sales")
                .body(ConsentFixtures.grant("subjectId", subject, id, "PHONE"))
                .when()
                .post(ConsentFixtures.CONSENTS)
                .then()
                .statusCode(422);
        assertThat(changes(id)).isEqualTo(2);
    }

    @Test
    void theSameValuesAgainChangeNothing() {
        String id = createPurpose("CONSENT", false);

        edit(id, attributes("CONSENT")).statusCode(200);

        assertThat(changes(id)).isEqualTo(1);
    }

    @Test
    void theLedgerRefusesAGrantThatNoLongerAgreesWithItsPurpose() {
        // The database's own check, for a grant whose service read the purpose just before a dpo's edit committed.
        String id = createPurpose("LEGITIMATE_INTEREST", false);
        assertThatThrownBy(() -> TestDatabase.execute("""
                        INSERT INTO consent_entry (id, holder_type, holder_id, action, purpose_id, purpose_version,
                            language, text_hash, channel, recorded_at, recorded_by_kind, recorded_by)
                        VALUES (gen_random_uuid(), 'SUBJECT', gen_random_uuid(), 'GRANT', ?, 1, 'de', repeat('a', 64),
                            'PHONE', now(), 'USER', 'sales')""", id))
                .rootCause()
                .hasMessageContaining("no longer rests on consent");
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        String id = createPurpose("CONSENT", false);
        Map<String, Object> optInWithoutConsent = attributes("LEGITIMATE_INTEREST");
        optInWithoutConsent.put("doubleOptIn", true);
        Map<String, Object> noBasis = attributes("CONSENT");
        noBasis.remove("legalBasis");
        Map<String, Object> badPeriod = attributes("CONSENT");
        badPeriod.put("retentionPeriod", "14 months");
        Map<String, Object> noCategories = attributes("CONSENT");
        noCategories.put("dataCategories", List.of());

        edit(id, optInWithoutConsent)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("doubleOptIn"));
        edit(id, noBasis).statusCode(400).contentType("application/problem+json");
        edit(id, badPeriod).statusCode(400).body("errors[0].field", equalTo("retentionPeriod"));
        edit(id, noCategories).statusCode(400).body("errors[0].field", equalTo("dataCategories"));
        edit("no-such-purpose", attributes("CONSENT")).statusCode(404).contentType("application/problem+json");

        assertThat(changes(id)).isEqualTo(1);
        as("dpo").when().get(PURPOSES + "/" + id).then().body("legalBasis", equalTo("CONSENT"));
    }

    @Test
    void onlyTheDpoEditsAndReadsTheChangeLog() {
        String id = createPurpose("CONSENT", false);
        Map<String, Object> body = attributes("CONSENT");
        body.put("retention", "changed");
        String attributesPath = PURPOSES + "/" + id + "/attributes";
        String changesPath = PURPOSES + "/" + id + "/changes";

        anonymous().body(body).when().put(attributesPath).then().statusCode(401);
        anonymous().when().get(changesPath).then().statusCode(401);
        for (String role : List.of("sales", "service", "marketing", "analyst", "admin")) {
            as(role).body(body).when().put(attributesPath).then().statusCode(403);
            as(role).when().get(changesPath).then().statusCode(403);
        }
        asService("retention-service")
                .body(body)
                .when()
                .put(attributesPath)
                .then()
                .statusCode(403);

        assertThat(changes(id)).isEqualTo(1);
    }
}
