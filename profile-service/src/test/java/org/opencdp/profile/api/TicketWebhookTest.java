package org.opencdp.profile.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.opencdp.profile.api.CustomerFixtures.as;
import static org.opencdp.profile.api.CustomerFixtures.created;
import static org.opencdp.profile.api.TicketFixtures.generic;
import static org.opencdp.profile.api.TicketFixtures.sendGeneric;
import static org.opencdp.profile.api.TicketFixtures.sendZammad;
import static org.opencdp.profile.api.TicketFixtures.zammad;
import static org.opencdp.profile.api.TicketFixtures.zammadValues;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.WithPostgres;
import org.opencdp.webhookauth.WebhookHeaders;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The ticket webhooks with payloads shaped as Zammad documents them and in the generic format: signatures valid,
 * invalid and replayed, a delivery twice, and the customer found by e-mail, then phone, or not at all (inbox).
 */
@QuarkusTest
@WithPostgres
class TicketWebhookTest {

    static String zammadToken;
    static String genericSecret;

    @BeforeEach
    void registerTheTicketSystemsOnce() {
        if (zammadToken == null) {
            zammadToken = TicketFixtures.register("zammad-webhook-test", "ZAMMAD");
            genericSecret = TicketFixtures.register("helpdesk-webhook-test", "GENERIC_HMAC");
        }
    }

    private static String delivery() {
        return UUID.randomUUID().toString();
    }

    private static Map<String, Object> personWith(String email, String phone) {
        Map<String, Object> person = CustomerFixtures.person();
        person.put("emails", List.of(Map.of("address", email, "use", "PRIVATE", "primary", true)));
        if (phone != null) {
            person.put("phones", List.of(Map.of("number", phone, "type", "LANDLINE", "primary", true)));
        }
        return person;
    }

    private static String uniqueEmail() {
        return "t." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private static String uniquePhone() {
        return "+49 40 " + (1_000_000 + (int) (Math.random() * 8_999_999));
    }

    static JsonPath ticketTimeline(UUID customer) {
        return as("service")
                .queryParam("channel", "TICKET")
                .when()
                .get("/api/v1/customers/" + customer + "/timeline")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static int openTickets(String phone) {
        return as("service")
                .queryParam("number", phone)
                .when()
                .get("/api/v1/caller-lookup")
                .then()
                .statusCode(200)
                .extract()
                .path("callers[0].openTickets");
    }

    private static long ticketRows() {
        return TestDatabase.count("SELECT count(*) FROM ticket");
    }

    @Test
    void aZammadArticleOfAKnownEmailGoesOnTheCustomersTimelineAndCountsAsOpen() {
        String email = uniqueEmail();
        String phone = uniquePhone();
        UUID customer = created(personWith(email, phone));
        Map<String, String> values = zammadValues(email.toUpperCase(), "");
        byte[] body = zammad(values);

        String ticketId = sendZammad("zammad-webhook-test", zammadToken, delivery(), body)
                .then()
                .statusCode(200)
                .body("inInbox", equalTo(false))
                .body("articleRecorded", equalTo(true))
                .extract()
                .path("ticketId");

        JsonPath timeline = ticketTimeline(customer);
        assertThat(timeline.getList("items")).hasSize(1);
        assertThat(timeline.getString("items[0].direction")).isEqualTo("INBOUND");
        assertThat(timeline.getString("items[0].source")).isEqualTo("integration:zammad-webhook-test");
        assertThat(timeline.getString("items[0].summary"))
                .isEqualTo("Invoice question: Hello, I have a question about my last invoice.");
        assertThat(openTickets(phone)).isOne();
        // Encrypted at rest: neither the title nor the summary is in the table in clear.
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM ticket WHERE id = ?::uuid AND encode(title, 'escape') LIKE '%Invoice%'",
                        ticketId))
                .isZero();

        // The agent answers and closes it: a second article, outbound; nothing open any more.
        values.put("ARTICLE_ID", values.get("ARTICLE_ID") + "2");
        values.put("ARTICLE_SENDER", "Agent");
        values.put("TICKET_STATE", "closed");
        values.put("UPDATED_AT", Instant.now().toString());
        values.put("ARTICLE_TIME", Instant.now().toString());
        sendZammad("zammad-webhook-test", zammadToken, delivery(), zammad(values))
                .then()
                .statusCode(200)
                .body("ticketId", equalTo(ticketId))
                .body("articleRecorded", equalTo(true));
        assertThat(ticketTimeline(customer).getList("items.direction")).containsExactly("OUTBOUND", "INBOUND");
        assertThat(openTickets(phone)).isZero();
    }

    @Test
    void theSameDeliveryTwiceGetsTheFirstAnswerAndTheSameArticleInANewDeliveryIsRecordedOnce() {
        String email = uniqueEmail();
        UUID customer = created(personWith(email, null));
        byte[] body = zammad(zammadValues(email, ""));
        String id = delivery();
        String first = sendZammad("zammad-webhook-test", zammadToken, id, body)
                .then()
                .statusCode(200)
                .header(WebhookHeaders.REPEATED_DELIVERY, nullValue())
                .extract()
                .asString();
        String again = sendZammad("zammad-webhook-test", zammadToken, id, body)
                .then()
                .statusCode(200)
                .header(WebhookHeaders.REPEATED_DELIVERY, "true")
                .extract()
                .asString();
        assertThat(again).isEqualTo(first);
        // Zammad sends the same article again under a new delivery id (a second trigger): recorded once.
        sendZammad("zammad-webhook-test", zammadToken, delivery(), body)
                .then()
                .statusCode(200)
                .body("articleRecorded", equalTo(false));
        assertThat(ticketTimeline(customer).getList("items")).hasSize(1);
    }

    @Test
    void aBadSignatureOrAnUnknownIntegrationIsRefusedAndNothingIsStored() {
        String email = uniqueEmail();
        UUID customer = created(personWith(email, null));
        byte[] body = zammad(zammadValues(email, ""));
        long before = ticketRows();
        sendZammad("zammad-webhook-test", "ocdp_not-the-token", delivery(), body)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        sendZammad("nobody-here", zammadToken, delivery(), body).then().statusCode(401);
        sendZammad("Zammad_Webhook", zammadToken, delivery(), body)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        // The generic door with the Zammad token is another integration's kind: refused too.
        sendGeneric("zammad-webhook-test", zammadToken, Instant.now().getEpochSecond(), body)
                .then()
                .statusCode(401);
        assertThat(ticketRows()).isEqualTo(before);
        assertThat(ticketTimeline(customer).getList("items")).isEmpty();
    }

    @Test
    void withoutAnEmailMatchTheCustomerIsFoundByPhoneInAnyNotation() {
        String phone = "+49 40 " + (1_000_000 + (int) (Math.random() * 8_999_999));
        UUID customer = created(personWith(uniqueEmail(), phone));
        String zeros = "0049" + phone.substring(3).replace(" ", "");
        sendZammad("zammad-webhook-test", zammadToken, delivery(), zammad(zammadValues(uniqueEmail(), zeros)))
                .then()
                .statusCode(200)
                .body("inInbox", equalTo(false));
        assertThat(ticketTimeline(customer).getList("items")).hasSize(1);
    }

    @Test
    void aPhoneTwoCustomersShareMatchesNeitherAndTheTicketWaitsInTheInbox() {
        String phone = uniquePhone();
        UUID one = created(personWith(uniqueEmail(), phone));
        UUID other = created(personWith(uniqueEmail(), phone));
        sendZammad("zammad-webhook-test", zammadToken, delivery(), zammad(zammadValues(uniqueEmail(), phone)))
                .then()
                .statusCode(200)
                .body("inInbox", equalTo(true))
                .body("articleRecorded", equalTo(true));
        assertThat(ticketTimeline(one).getList("items")).isEmpty();
        assertThat(ticketTimeline(other).getList("items")).isEmpty();
    }

    @Test
    void aGenericMessageSignedWithTheSecretIsRecordedOnceAndItsReplayRefused() {
        String email = uniqueEmail();
        UUID customer = created(personWith(email, null));
        byte[] body = generic(Map.of(
                "TICKET_ID",
                UUID.randomUUID().toString(),
                "TICKET_STATE",
                "PENDING",
                "UPDATED_AT",
                Instant.now().minusSeconds(5).toString(),
                "CUSTOMER_EMAIL",
                email,
                "CUSTOMER_PHONE",
                "",
                "MESSAGE_ID",
                "m-1"));
        long timestamp = Instant.now().getEpochSecond();
        sendGeneric("helpdesk-webhook-test", genericSecret, timestamp, body)
                .then()
                .statusCode(200)
                .body("inInbox", equalTo(false))
                .body("articleRecorded", equalTo(true));
        sendGeneric("helpdesk-webhook-test", genericSecret, timestamp, body)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        sendGeneric("helpdesk-webhook-test", "ocdp_wrong", timestamp + 1, body)
                .then()
                .statusCode(401);
        JsonPath timeline = ticketTimeline(customer);
        assertThat(timeline.getList("items")).hasSize(1);
        assertThat(timeline.getString("items[0].summary")).isEqualTo("Delivery date: When will order 4711 arrive?");
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM ticket WHERE subject_id = ? AND state = 'PENDING'", customer))
                .isOne();
    }

    @Test
    void aTicketWithoutStateWithAnUnknownSenderOrWithoutABodyIsA400AndNothingIsStored() {
        long before = ticketRows();
        byte[] noState = ("{\"ticketId\":\"x-1\",\"updatedAt\":\"2026-11-27T09:00:00Z\"}").getBytes();
        sendGeneric("helpdesk-webhook-test", genericSecret, Instant.now().getEpochSecond(), noState)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        byte[] badSender = ("{\"ticketId\":\"x-2\",\"state\":\"OPEN\",\"updatedAt\":\"2026-11-27T09:00:00Z\","
                        + "\"message\":{\"id\":\"m\",\"sender\":\"BOT\",\"time\":\"2026-11-27T09:00:00Z\"}}")
                .getBytes();
        sendGeneric("helpdesk-webhook-test", genericSecret, Instant.now().getEpochSecond() - 1, badSender)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        sendGeneric("helpdesk-webhook-test", genericSecret, Instant.now().getEpochSecond() - 2, new byte[0])
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("The request needs a JSON body."));
        sendZammad("zammad-webhook-test", zammadToken, delivery(), new byte[0])
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("The request needs a JSON body."));
        assertThat(ticketRows()).isEqualTo(before);
    }
}
