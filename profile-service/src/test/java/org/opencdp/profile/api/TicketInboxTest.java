package org.opencdp.profile.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.opencdp.profile.api.CustomerFixtures.as;
import static org.opencdp.profile.api.CustomerFixtures.created;
import static org.opencdp.profile.api.TicketFixtures.INBOX;
import static org.opencdp.profile.api.TicketFixtures.sendZammad;
import static org.opencdp.profile.api.TicketFixtures.zammad;
import static org.opencdp.profile.api.TicketFixtures.zammadValues;
import static org.opencdp.subjectrights.testkit.RetentionPurgeCalls.counts;
import static org.opencdp.subjectrights.testkit.RetentionPurgeCalls.policy;
import static org.opencdp.subjectrights.testkit.RetentionPurgeCalls.purge;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The unmatched-ticket inbox: a ticket no customer matched is listed with what the ticket system said, an agent
 * assigns it, its articles move to the customer's timeline and later ones follow; its own key is destroyed then, or
 * when the retention policy unmatched-tickets expires it.
 */
@QuarkusTest
@WithPostgres
class TicketInboxTest {

    static String token;

    @BeforeEach
    void registerZammadOnce() {
        if (token == null) {
            token = TicketFixtures.register("zammad-inbox-test", "ZAMMAD");
        }
    }

    private static String unknownEmail() {
        return "nobody." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** Sends a new ticket from an unknown address and returns its id in the inbox. */
    private static String unmatched(Map<String, String> values) {
        return sendZammad("zammad-inbox-test", token, UUID.randomUUID().toString(), zammad(values))
                .then()
                .statusCode(200)
                .body("inInbox", equalTo(true))
                .extract()
                .path("ticketId");
    }

    /** The inbox entry of this ticket, searched through every page. */
    private static Map<String, Object> inboxEntry(String ticketId) {
        String cursor = null;
        do {
            var request = as("service").queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page =
                    request.when().get(INBOX).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> item : items) {
                if (ticketId.equals(item.get("id"))) {
                    return item;
                }
            }
            cursor = page.getString("next");
        } while (cursor != null);
        return null;
    }

    private static long keyDestroyed(String ticketId) {
        return TestDatabase.KEYS.number(
                "SELECT count(*) FROM subject_key WHERE subject_id = ?::uuid AND erased_at IS NOT NULL", ticketId);
    }

    @Test
    void anUnmatchedTicketIsListedAssignedAndItsLaterArticlesFollowIt() {
        String email = unknownEmail();
        Map<String, String> values = zammadValues(email, "");
        String ticketId = unmatched(values);

        Map<String, Object> entry = inboxEntry(ticketId);
        assertThat(entry).isNotNull();
        assertThat(entry.get("title")).isEqualTo("Invoice question");
        assertThat(entry.get("state")).isEqualTo("OPEN");
        assertThat(entry.get("contact").toString()).contains("name=Erika Mustermann", "email=" + email, "phone=null");
        assertThat(entry.get("articles").toString()).contains("Invoice question: Hello, I have a question");
        // The inbox content is encrypted with the ticket's own key.
        assertThat(TestDatabase.KEYS.number(
                        "SELECT count(*) FROM subject_key WHERE subject_id = ?::uuid AND erased_at IS NULL", ticketId))
                .isOne();

        String phone = "+49 40 " + (1_000_000 + (int) (Math.random() * 8_999_999));
        Map<String, Object> person = CustomerFixtures.person();
        person.put("phones", List.of(Map.of("number", phone, "type", "LANDLINE", "primary", true)));
        UUID customer = created(person);
        as("service")
                .body(Map.of("customerId", customer.toString()))
                .when()
                .post(INBOX + "/" + ticketId + "/assignment")
                .then()
                .statusCode(200)
                .body("customerId", equalTo(customer.toString()))
                .body("articlesMoved", equalTo(1));
        assertThat(inboxEntry(ticketId)).isNull();
        assertThat(keyDestroyed(ticketId)).isOne();
        assertThat(TestDatabase.count("SELECT count(*) FROM ticket_inbox_article WHERE ticket_id = ?::uuid", ticketId))
                .isZero();
        assertThat(TicketWebhookTest.ticketTimeline(customer).getList("items")).hasSize(1);
        assertThat(TicketWebhookTest.openTickets(phone)).isOne();

        // The same article again is recognised after the move; a new one follows the ticket to the customer.
        sendZammad("zammad-inbox-test", token, UUID.randomUUID().toString(), zammad(values))
                .then()
                .statusCode(200)
                .body("inInbox", equalTo(false))
                .body("articleRecorded", equalTo(false));
        values.put("ARTICLE_ID", values.get("ARTICLE_ID") + "7");
        values.put("ARTICLE_SENDER", "Agent");
        values.put("UPDATED_AT", Instant.now().toString());
        values.put("ARTICLE_TIME", Instant.now().toString());
        sendZammad("zammad-inbox-test", token, UUID.randomUUID().toString(), zammad(values))
                .then()
                .statusCode(200)
                .body("ticketId", equalTo(ticketId))
                .body("articleRecorded", equalTo(true));
        assertThat(TicketWebhookTest.ticketTimeline(customer).getList("items.direction"))
                .containsExactly("OUTBOUND", "INBOUND");

        // Assigned once: a second assignment is a conflict.
        as("sales")
                .body(Map.of("customerId", customer.toString()))
                .when()
                .post(INBOX + "/" + ticketId + "/assignment")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void anAssignmentToNoCustomerOrWithoutOneIsRefusedAndTheTicketStays() {
        String ticketId = unmatched(zammadValues(unknownEmail(), ""));
        as("service")
                .body(Map.of("customerId", UUID.randomUUID().toString()))
                .when()
                .post(INBOX + "/" + ticketId + "/assignment")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as("service")
                .body(Map.of("customerId", "not-a-uuid"))
                .when()
                .post(INBOX + "/" + ticketId + "/assignment")
                .then()
                .statusCode(400);
        as("service")
                .body(Map.of())
                .when()
                .post(INBOX + "/" + ticketId + "/assignment")
                .then()
                .statusCode(400);
        as("service")
                .body(Map.of("customerId", UUID.randomUUID().toString()))
                .when()
                .post(INBOX + "/" + UUID.randomUUID() + "/assignment")
                .then()
                .statusCode(404);
        assertThat(inboxEntry(ticketId)).isNotNull();
        assertThat(keyDestroyed(ticketId)).isZero();
    }

    @Test
    void withoutATokenTheInboxIsA401() {
        given().when().get(INBOX).then().statusCode(401);
        given().contentType("application/json")
                .body(Map.of("customerId", UUID.randomUUID().toString()))
                .when()
                .post(INBOX + "/" + UUID.randomUUID() + "/assignment")
                .then()
                .statusCode(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"marketing", "analyst", "dpo", "admin", "svc-integrations"})
    void rolesThatDoNotServeCustomersGetA403(String role) {
        as(role).when().get(INBOX).then().statusCode(403);
        as(role).body(Map.of("customerId", UUID.randomUUID().toString()))
                .when()
                .post(INBOX + "/" + UUID.randomUUID() + "/assignment")
                .then()
                .statusCode(403);
    }

    /** An inbox ticket's subject id is its own id: an access request shows it, an erasure deletes it with its key. */
    @Test
    void anAccessOrErasureRequestReachesAnInboxTicketByItsId() {
        String ticketId = unmatched(zammadValues(unknownEmail(), ""));
        JsonPath export = given().auth()
                .oauth2(TestTokens.serviceAccount("retention-service"))
                .when()
                .get("/api/v1/subject-rights/" + ticketId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(export.getInt("categories.find { it.category == 'unmatched-tickets' }.records"))
                .isOne();
        assertThat(export.getString("categories.find { it.category == 'unmatched-tickets' }.data"))
                .contains("Invoice question");

        given().auth()
                .oauth2(TestTokens.serviceAccount("retention-service"))
                .contentType("application/json")
                .body(Map.of("requestId", UUID.randomUUID().toString()))
                .when()
                .post("/api/v1/subject-rights/" + ticketId + "/erasure")
                .then()
                .statusCode(200);
        assertThat(TestDatabase.count("SELECT count(*) FROM ticket WHERE id = ?::uuid", ticketId))
                .isZero();
        assertThat(keyDestroyed(ticketId)).isOne();
    }

    /**
     * unmatched-tickets (P90D, not rounded) through the purge contract: a ticket whose latest delivery is past the
     * period goes with its articles and key; a later one stays. Deliveries "long ago" are placed in 2015.
     */
    @Test
    void anUnassignedTicketPastThePolicysPeriodIsDeletedWithItsKey() {
        String expired = unmatched(zammadValues(unknownEmail(), ""));
        String kept = unmatched(zammadValues(unknownEmail(), ""));
        TestDatabase.execute("UPDATE ticket SET last_received_at = '2015-03-01T00:00:00Z' WHERE id = ?::uuid", expired);
        TestDatabase.execute("UPDATE ticket SET last_received_at = '2015-05-01T00:00:00Z' WHERE id = ?::uuid", kept);
        List<Map<String, Object>> ninetyDays = List.of(policy("unmatched-tickets", "P90D", false));
        Instant asOf = Instant.parse("2015-06-01T00:00:00Z"); // cutoff: 2015-03-03T00:00

        assertThat(counts(purge(true, asOf, ninetyDays), "unmatched-tickets")).containsExactly(1, 0);
        assertThat(counts(purge(false, asOf, ninetyDays), "unmatched-tickets")).containsExactly(1, 1);
        assertThat(TestDatabase.count("SELECT count(*) FROM ticket WHERE id = ?::uuid", expired))
                .isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM ticket_inbox_article WHERE ticket_id = ?::uuid", expired))
                .isZero();
        assertThat(keyDestroyed(expired)).isOne();
        assertThat(TestDatabase.count("SELECT count(*) FROM ticket WHERE id = ?::uuid", kept))
                .isOne();
        assertThat(keyDestroyed(kept)).isZero();
    }
}
