package org.opencdp.profile.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.opencdp.profile.api.CallFixtures.customerWith;
import static org.opencdp.profile.api.CallFixtures.entriesBy;
import static org.opencdp.profile.api.CallFixtures.entriesOf;
import static org.opencdp.profile.api.CallFixtures.postGeneric;
import static org.opencdp.profile.api.CallFixtures.subscriber;
import static org.opencdp.profile.api.CallFixtures.timelineOf;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;
import org.opencdp.webhookauth.WebhookSignatures;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The generic call webhook behind the HMAC door: a call's events make one timeline entry, completed as they come and
 * final once the call ended; every notation of the external number finds its customer; a shared number is recorded on
 * none, an unknown one not at all; bad payloads and bad signatures store nothing.
 */
@QuarkusTest
@WithPostgres
class CallWebhookTest {

    static final String CALLS = "/api/v1/webhooks/generic/pbx-calls/calls";
    static String secret;

    @BeforeEach
    void registerThePbxOnce() {
        if (secret == null) {
            secret = CallFixtures.register("pbx-calls", "GENERIC_HMAC", null);
        }
    }

    static String event(String callId, String event, String direction, String from, String to, String extra) {
        return "{\"callId\":\"" + callId + "\",\"event\":\"" + event + "\",\"direction\":\"" + direction
                + "\",\"from\":\"" + from + "\",\"to\":\"" + to + "\"" + extra + "}";
    }

    @Test
    void aCallsEventsMakeOneEntryCompletedWithDurationAndAgent() {
        String number = "030 " + subscriber();
        UUID customer = customerWith(number);
        String callId = "call-" + UUID.randomUUID();
        Instant start = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);

        String entryId = postGeneric(
                        CALLS,
                        secret,
                        event(callId, "started", "in", number, "+49 30 9999999", ",\"startedAt\":\"" + start + "\""))
                .statusCode(200)
                .body("matched", equalTo(true))
                .body("match", equalTo("MATCHED"))
                .body("change", equalTo("CREATED"))
                .body("entryId", notNullValue())
                .extract()
                .path("entryId");
        assertThat(TestDatabase.count("SELECT count(*) FROM call_record WHERE subject_id = ?", customer))
                .isEqualTo(1);

        postGeneric(
                        CALLS,
                        secret,
                        event(
                                callId,
                                "answered",
                                "in",
                                number,
                                "+49 30 9999999",
                                ",\"agent\":{\"extension\":\"12\",\"name\":\"Erika Service\"}"))
                .statusCode(200)
                .body("change", equalTo("UPDATED"))
                .body("entryId", equalTo(entryId));
        postGeneric(
                        CALLS,
                        secret,
                        event(
                                callId,
                                "ended",
                                "in",
                                number,
                                "+49 30 9999999",
                                ",\"durationSeconds\":312,\"summary\":\"Asked about order 4711\""))
                .statusCode(200)
                .body("change", equalTo("UPDATED"));

        assertThat(entriesOf(customer)).isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM call_record WHERE subject_id = ?", customer))
                .as("the call is over: its progress is gone")
                .isZero();
        Map<String, Object> entry = timelineOf(customer).getFirst();
        assertThat(entry)
                .containsEntry("id", entryId)
                .containsEntry("channel", "CALL")
                .containsEntry("direction", "INBOUND")
                .containsEntry("durationSeconds", 312)
                .containsEntry("agent", "ext. 12")
                .containsEntry("summary", "Asked about order 4711")
                .containsEntry("source", "integration:pbx-calls")
                .containsEntry("externalReference", callId)
                .containsEntry("occurredAt", start.toString());
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_entry WHERE subject_id = ? AND actor = 'integration:pbx-calls' "
                                + "AND actor_kind = 'SERVICE' AND action = 'timeline.write'",
                        customer))
                .isEqualTo(3);
    }

    @Test
    void theSameEventTwiceChangesNothingAndAnEventAfterTheEndNeither() {
        String number = "+49 40 " + subscriber();
        UUID customer = customerWith(number);
        String callId = "call-" + UUID.randomUUID();
        String started = event(callId, "started", "in", number, "040 111111", "");
        postGeneric(CALLS, secret, started).statusCode(200).body("change", equalTo("CREATED"));
        postGeneric(CALLS, secret, Instant.now().getEpochSecond() + 1, started)
                .statusCode(200)
                .body("change", equalTo("UNCHANGED"));
        String ended = event(callId, "ended", "in", number, "040 111111", ",\"durationSeconds\":60");
        postGeneric(CALLS, secret, ended).statusCode(200).body("change", equalTo("UPDATED"));
        postGeneric(CALLS, secret, Instant.now().getEpochSecond() + 1, ended)
                .statusCode(200)
                .body("change", equalTo("UNCHANGED"));
        postGeneric(
                        CALLS,
                        secret,
                        event(callId, "answered", "in", number, "040 111111", ",\"agent\":{\"extension\":\"99\"}"))
                .statusCode(200)
                .body("change", equalTo("UNCHANGED"));

        assertThat(entriesOf(customer)).isEqualTo(1);
        assertThat(timelineOf(customer).getFirst())
                .containsEntry("durationSeconds", 60)
                .containsEntry("agent", "integration:pbx-calls");
    }

    @Test
    void aReplayedRequestIsRefusedAndStoresNothing() {
        String number = "0221 " + subscriber();
        UUID customer = customerWith(number);
        long now = Instant.now().getEpochSecond();
        String body = event("call-" + UUID.randomUUID(), "missed", "in", number, "0221 1", "");
        postGeneric(CALLS, secret, now, body).statusCode(200);
        TestDatabase.execute("DELETE FROM timeline_entry WHERE subject_id = ?", customer);

        postGeneric(CALLS, secret, now, body).statusCode(401).contentType("application/problem+json");
        assertThat(entriesOf(customer)).isZero();
    }

    @Test
    void aBadSignatureOrAnUnknownIntegrationIsRefusedAndStoresNothing() {
        String number = "0221 " + subscriber();
        UUID customer = customerWith(number);
        String body = event("call-" + UUID.randomUUID(), "missed", "in", number, "0221 1", "");

        postGeneric(CALLS, secret + "x", body).statusCode(401).contentType("application/problem+json");
        postGeneric("/api/v1/webhooks/generic/nobody-here/calls", secret, body).statusCode(401);
        // A name no integration may have (upper case, underscore) is refused like an unknown one.
        postGeneric("/api/v1/webhooks/generic/PBX_Calls/calls", secret, body)
                .statusCode(401)
                .contentType("application/problem+json");
        postGeneric(CALLS, secret, Instant.now().minus(6, ChronoUnit.MINUTES).getEpochSecond(), body)
                .statusCode(401);
        given().contentType("application/json").body(body).post(CALLS).then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.forRole("service"))
                .contentType("application/json")
                .body(body)
                .post(CALLS)
                .then()
                .statusCode(401);
        assertThat(entriesOf(customer)).isZero();
    }

    @Test
    void everyNotationOfTheNumberFindsTheCustomer() {
        String digits = subscriber();
        UUID customer = customerWith("+49 30 " + digits);
        String spaced = digits.substring(0, 3) + " " + digits.substring(3, 5) + " " + digits.substring(5);
        List<String> notations = List.of(
                "+49 30 " + digits,
                "+4930" + digits,
                "004930" + digits,
                "030 " + digits,
                "030/" + digits,
                "(030) " + spaced,
                "30" + digits,
                "030 " + digits + "-12");
        for (String notation : notations) {
            postGeneric(CALLS, secret, event("call-" + UUID.randomUUID(), "missed", "in", notation, "0", ""))
                    .statusCode(200)
                    .body("match", equalTo("MATCHED"));
        }
        assertThat(entriesOf(customer)).isEqualTo(notations.size());
        assertThat(timelineOf(customer))
                .allSatisfy(entry -> assertThat(entry)
                        .containsEntry("summary", "Missed call")
                        .containsEntry("durationSeconds", 0));
    }

    @Test
    void anOutboundCallIsMatchedByTheCalledNumber() {
        String number = "089 " + subscriber();
        UUID customer = customerWith(number);
        Instant answered = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        postGeneric(
                        CALLS,
                        secret,
                        event(
                                "call-" + UUID.randomUUID(),
                                "ended",
                                "out",
                                "089 5555555",
                                number,
                                ",\"agent\":{\"email\":\"max.sales@example.com\",\"extension\":\"20\"},"
                                        + "\"answeredAt\":\"" + answered + "\",\"endedAt\":\""
                                        + answered.plusSeconds(125)
                                        + "\""))
                .statusCode(200)
                .body("match", equalTo("MATCHED"));
        assertThat(timelineOf(customer).getFirst())
                .containsEntry("direction", "OUTBOUND")
                .containsEntry("durationSeconds", 125)
                .containsEntry("agent", "max.sales@example.com")
                .containsEntry("occurredAt", answered.toString());
    }

    @Test
    void aSharedNumberIsRecordedOnNoneAndAnUnknownNotAtAll() {
        String digits = subscriber();
        UUID one = customerWith("0711 " + digits);
        UUID two = customerWith("+49 711 " + digits);
        long before = entriesBy("pbx-calls");
        postGeneric(CALLS, secret, event("call-" + UUID.randomUUID(), "started", "in", "0711" + digits, "0", ""))
                .statusCode(200)
                .body("matched", equalTo(false))
                .body("match", equalTo("AMBIGUOUS"))
                .body("entryId", nullValue())
                .body("change", equalTo("NOTHING_STORED"));
        postGeneric(CALLS, secret, event("call-" + UUID.randomUUID(), "started", "in", "0711 1" + digits, "0", ""))
                .statusCode(200)
                .body("matched", equalTo(false))
                .body("match", equalTo("UNKNOWN"));
        postGeneric(CALLS, secret, event("call-" + UUID.randomUUID(), "started", "in", "anonymous", "0", ""))
                .statusCode(200)
                .body("match", equalTo("UNKNOWN"));
        assertThat(entriesOf(one)).isZero();
        assertThat(entriesOf(two)).isZero();
        assertThat(entriesBy("pbx-calls")).isEqualTo(before);
    }

    @Test
    void theGuidesExampleVerifiesAndIsAcceptedByTheEndpoint() throws Exception {
        String guide = Files.readString(Path.of("..", "docs", "integrations.md"));
        String section = guide.substring(guide.indexOf("### Generic call webhook"));
        Matcher body = Pattern.compile("\nBODY='([^']+)'").matcher(section);
        Matcher signature = Pattern.compile("echo \"\\$SIG\" +# ([0-9a-f]{64})").matcher(section);
        assertThat(body.find()).isTrue();
        assertThat(signature.find()).isTrue();
        byte[] example = body.group(1).getBytes(StandardCharsets.UTF_8);
        assertThat(HexFormat.of()
                        .formatHex(WebhookSignatures.generic(
                                "ocdp_example-secret".getBytes(StandardCharsets.UTF_8), "1764234900", example)))
                .isEqualTo(signature.group(1));
        postGeneric(CALLS, secret, body.group(1)).statusCode(200).body("callId", equalTo("c-20261127-0042"));
    }

    @Test
    void aCallGoingIsExportedAndErasedWithItsCustomer() {
        String number = "0351 " + subscriber();
        UUID customer = customerWith(number);
        String callId = "call-" + UUID.randomUUID();
        postGeneric(CALLS, secret, event(callId, "answered", "in", number, "0", ",\"summary\":\"Wants a callback\""))
                .statusCode(200)
                .body("change", equalTo("CREATED"));
        assertThat(TestDatabase.count("SELECT count(*) FROM call_record WHERE subject_id = ?", customer))
                .isEqualTo(1);
        given().auth()
                .oauth2(TestTokens.serviceAccount("retention-service"))
                .when()
                .get("/api/v1/subject-rights/" + customer)
                .then()
                .statusCode(200)
                .body("categories.find { it.category == 'call-records' }.records", equalTo(1))
                .body("categories.find { it.category == 'call-records' }.data[0].externalReference", equalTo(callId))
                .body("categories.find { it.category == 'call-records' }.data[0].summary", equalTo("Wants a callback"));

        given().auth()
                .oauth2(TestTokens.serviceAccount("retention-service"))
                .contentType("application/json")
                .body(Map.of("requestId", UUID.randomUUID().toString()))
                .when()
                .post("/api/v1/subject-rights/" + customer + "/erasure")
                .then()
                .statusCode(200)
                .body("categories.find { it.category == 'call-records' }.erased", equalTo(1));
        assertThat(entriesOf(customer)).isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM call_record WHERE subject_id = ?", customer))
                .isZero();
        // The call's later events find no customer any more: nothing is stored again.
        postGeneric(CALLS, secret, event(callId, "ended", "in", number, "0", ",\"durationSeconds\":30"))
                .statusCode(200)
                .body("match", equalTo("UNKNOWN"));
        assertThat(entriesOf(customer)).isZero();
    }

    @Test
    void aBadPayloadIsA400AndStoresNothing() {
        String number = "0351 " + subscriber();
        UUID customer = customerWith(number);
        List<String> bad = List.of(
                "{\"event\":\"started\",\"direction\":\"in\",\"from\":\"" + number + "\",\"to\":\"0\"}",
                event("c-1", "ringing", "in", number, "0", ""),
                event("c-1", "started", "sideways", number, "0", ""),
                event("c-1", "ended", "in", number, "0", ",\"durationSeconds\":-5"),
                event("c-1", "started", "in", number, "0", ",\"startedAt\":\"yesterday\""),
                event("c-1", "started", "in", number, "0", ",\"startedAt\":\"2099-01-01T00:00:00Z\""),
                event("c-1", "started", "in", number, "0", ",\"agent\":{\"email\":\"not-an-address\"}"),
                event("c-1", "started", "in", number, "0", ",\"summary\":\"Card 4111 1111 1111 1111\""),
                event("c-1", "started", "in", number, "0", ",\"colour\":\"blue\""),
                "{\"callId\":");
        for (String body : bad) {
            postGeneric(CALLS, secret, body).statusCode(400).contentType("application/problem+json");
        }
        postGeneric(CALLS, secret, "")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("The request needs a JSON body."));
        assertThat(entriesOf(customer)).isZero();
    }
}
