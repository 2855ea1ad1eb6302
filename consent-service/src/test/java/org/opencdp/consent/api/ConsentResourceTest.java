package org.opencdp.consent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.opencdp.consent.api.ConsentFixtures.CONSENTS;
import static org.opencdp.consent.api.ConsentFixtures.REVOCATIONS;
import static org.opencdp.consent.api.ConsentFixtures.anonymous;
import static org.opencdp.consent.api.ConsentFixtures.as;
import static org.opencdp.consent.api.ConsentFixtures.asService;
import static org.opencdp.consent.api.ConsentFixtures.asShop;
import static org.opencdp.consent.api.ConsentFixtures.grant;
import static org.opencdp.consent.api.ConsentFixtures.grantByPhone;
import static org.opencdp.consent.api.ConsentFixtures.newVisitorId;
import static org.opencdp.consent.api.ConsentFixtures.revoke;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencdp.events.EventContracts;
import org.opencdp.events.consent.ConsentRevoked;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.WithPostgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithPostgres
class ConsentResourceTest {

    @Test
    void anAgentRecordsAPhoneConsentWithItsProof() {
        String subject = UUID.randomUUID().toString();
        Map<String, Object> body = grant("subjectId", subject, "phone-marketing", "PHONE");
        body.put("proofReference", "CALL-2026-4711");
        String entryId = as("sales")
                .body(body)
                .when()
                .post(CONSENTS)
                .then()
                .statusCode(201)
                .body("status", equalTo("GRANTED"))
                .extract()
                .path("entryId");

        Map<String, Object> entry = TestDatabase.rows("SELECT * FROM consent_entry WHERE id = ?::uuid", entryId)
                .getFirst();
        assertThat(entry.get("action")).isEqualTo("GRANT");
        assertThat(entry.get("channel")).isEqualTo("PHONE");
        assertThat(entry.get("recorded_by_kind")).isEqualTo("USER");
        assertThat(entry.get("text_hash")).isEqualTo(body.get("textHash"));
        assertThat(entry.get("proof_reference")).isEqualTo("CALL-2026-4711");
        assertThat(TestDatabase.rows(
                        "SELECT status, entry_id::text AS entry FROM consent_state WHERE holder_id = ?::uuid", subject))
                .containsExactly(Map.of("status", "GRANTED", "entry", entryId));
    }

    @Test
    void aLongArchiveNumberThatIsNoCardNumberIsAcceptedAsProofReference() {
        // 16 digits, but no card scheme's prefix and no valid Luhn digit: the same check as profile-service's.
        Map<String, Object> body = grant("subjectId", UUID.randomUUID().toString(), "phone-marketing", "PAPER");
        body.put("proofReference", "ARCHIVE 1234567890123456");

        as("sales").body(body).when().post(CONSENTS).then().statusCode(201);
    }

    @Test
    void aShopRecordsAWebFormConsentForAVisitor() {
        String visitor = newVisitorId();
        asShop().body(grant("visitorId", visitor, "web-analytics", "WEB_FORM"))
                .when()
                .post(CONSENTS)
                .then()
                .statusCode(201);
        assertThat(TestDatabase.rows(
                        "SELECT holder_type, recorded_by_kind, recorded_by FROM consent_entry "
                                + "WHERE holder_id = replace(?, '-', '')::uuid",
                        visitor))
                .containsExactly(
                        Map.of("holder_type", "VISITOR", "recorded_by_kind", "SERVICE", "recorded_by", "shop-backend"));
    }

    @Test
    void aNewsletterGrantIsPendingWithTheAddressEncrypted() {
        String subject = UUID.randomUUID().toString();
        Map<String, Object> body = grant("subjectId", subject, "newsletter", "PHONE");
        body.put("email", "erika.pending@example.de");
        String entryId = as("service")
                .body(body)
                .when()
                .post(CONSENTS)
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING"))
                .extract()
                .path("entryId");
        Map<String, Object> entry = TestDatabase.rows(
                        "SELECT action, encrypted_email FROM consent_entry WHERE id = ?::uuid", entryId)
                .getFirst();
        assertThat(entry.get("action")).isEqualTo("GRANT_PENDING");
        assertThat(new String((byte[]) entry.get("encrypted_email"), StandardCharsets.ISO_8859_1))
                .doesNotContain("erika.pending");
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM opt_in_mail WHERE pending_entry_id = ?::uuid AND sent_at IS NULL",
                        entryId))
                .as("the confirmation mail is queued with the entry; its token is made when it is sent")
                .isOne();
    }

    @Test
    void revokingPublishesConsentRevokedWithTheContractShape() throws Exception {
        String subject = UUID.randomUUID().toString();
        String granted = grantByPhone(subject, "phone-marketing");

        String revoking = revoke("subjectId", subject, List.of("phone-marketing"))
                .statusCode(200)
                .body("purposes[0].changed", equalTo(true))
                .body("purposes[0].revokedEntryId", equalTo(granted))
                .extract()
                .path("purposes[0].entryId");

        Map<String, Object> event = TestDatabase.rows(
                        "SELECT type, version, payload::text AS payload FROM outbox_event WHERE subject_id = ?::uuid",
                        subject)
                .getFirst();
        assertThat(event.get("type")).isEqualTo(ConsentRevoked.TYPE);
        assertThat(event.get("version")).isEqualTo(ConsentRevoked.VERSION);
        JsonNode payload = new ObjectMapper().readTree((String) event.get("payload"));
        EventContracts.assertHasTheShapeOf(payload, ConsentRevoked.TYPE, ConsentRevoked.VERSION);
        assertThat(payload.get("holderId").asText()).isEqualTo(subject);
        assertThat(payload.get("revocations").get(0).get("entryId").asText()).isEqualTo(revoking);
        assertThat(payload.get("revocations").get(0).get("revokedEntryId").asText())
                .isEqualTo(granted);
        assertThat(TestDatabase.rows("SELECT status FROM consent_state WHERE holder_id = ?::uuid", subject))
                .containsExactly(Map.of("status", "REVOKED"));
    }

    @Test
    void rejectAllIsOneCallAndOneEvent() {
        String visitor = newVisitorId();
        for (String purpose : List.of("web-analytics", "personalisation")) {
            asShop().body(grant("visitorId", visitor, purpose, "WEB_FORM"))
                    .when()
                    .post(CONSENTS)
                    .then()
                    .statusCode(201);
        }
        asShop().body(Map.of("visitorId", visitor, "all", true, "channel", "WEB_FORM"))
                .when()
                .post(REVOCATIONS)
                .then()
                .statusCode(200)
                .body("purposes.purpose", org.hamcrest.Matchers.contains("personalisation", "web-analytics"))
                .body("purposes.changed", org.hamcrest.Matchers.contains(true, true));
        List<Map<String, Object>> events = TestDatabase.rows(
                "SELECT payload->'purposes' AS purposes FROM outbox_event WHERE type = 'consent.revoked' "
                        + "AND payload->>'holderId' = ?",
                visitor);
        assertThat(events).hasSize(1);
    }

    @Test
    void revokingWhatWasNeverGrantedIsAnIdempotentSuccessThatChangesNothing() {
        String subject = UUID.randomUUID().toString();
        long ledger = ConsentFixtures.ledgerRows();
        long events = TestDatabase.count("SELECT count(*) FROM outbox_event");
        revoke("subjectId", subject, List.of("newsletter", "web-analytics"))
                .statusCode(200)
                .body("purposes.changed", org.hamcrest.Matchers.contains(false, false));
        assertThat(ConsentFixtures.ledgerRows()).isEqualTo(ledger);
        assertThat(TestDatabase.count("SELECT count(*) FROM outbox_event")).isEqualTo(events);

        grantByPhone(subject, "web-analytics");
        revoke("subjectId", subject, List.of("web-analytics")).body("purposes[0].changed", equalTo(true));
        revoke("subjectId", subject, List.of("web-analytics"))
                .statusCode(200)
                .body("purposes[0].changed", equalTo(false));
    }

    @Test
    void theLedgerCannotBeUpdatedEvenInTheDatabase() {
        String entry = grantByPhone(UUID.randomUUID().toString(), "web-analytics");
        assertThatThrownBy(() ->
                        TestDatabase.execute("UPDATE consent_entry SET action = 'REVOKE' WHERE id = ?::uuid", entry))
                .rootCause()
                .hasMessageContaining("append-only");
    }

    @Test
    void agentsAndShopsUseOnlyTheirChannels() {
        long before = ConsentFixtures.ledgerRows();
        String subject = UUID.randomUUID().toString();
        as("sales")
                .body(grant("subjectId", subject, "web-analytics", "WEB_FORM"))
                .when()
                .post(CONSENTS)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        asShop().body(grant("subjectId", subject, "web-analytics", "PHONE"))
                .when()
                .post(CONSENTS)
                .then()
                .statusCode(403);
        asShop().body(grant("subjectId", subject, "web-analytics", "COOKIE_BANNER"))
                .when()
                .post(CONSENTS)
                .then()
                .statusCode(403);
        assertThat(ConsentFixtures.ledgerRows()).isEqualTo(before);
    }

    @Test
    void onlyAgentsAndShopsRecordOrRevoke() {
        Map<String, Object> body = grant("subjectId", UUID.randomUUID().toString(), "web-analytics", "PHONE");
        Map<String, Object> revocation =
                Map.of("subjectId", UUID.randomUUID().toString(), "all", true, "channel", "PHONE");
        anonymous().body(body).when().post(CONSENTS).then().statusCode(401);
        anonymous().body(revocation).when().post(REVOCATIONS).then().statusCode(401);
        for (String role : List.of("marketing", "analyst", "dpo", "admin")) {
            as(role).body(body).when().post(CONSENTS).then().statusCode(403);
            as(role).body(revocation).when().post(REVOCATIONS).then().statusCode(403);
        }
        asService("tracking-service").body(body).when().post(CONSENTS).then().statusCode(403);
        asService("profile-service")
                .body(revocation)
                .when()
                .post(REVOCATIONS)
                .then()
                .statusCode(403);
    }
}
