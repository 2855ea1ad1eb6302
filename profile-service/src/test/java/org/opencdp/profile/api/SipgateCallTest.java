package org.opencdp.profile.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.opencdp.profile.api.CallFixtures.customerWith;
import static org.opencdp.profile.api.CallFixtures.entriesOf;
import static org.opencdp.profile.api.CallFixtures.fixture;
import static org.opencdp.profile.api.CallFixtures.rsaSignature;
import static org.opencdp.profile.api.CallFixtures.subscriber;
import static org.opencdp.profile.api.CallFixtures.timelineOf;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.WithPostgres;
import org.opencdp.webhookauth.WebhookHeaders;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * sipgate.io's push events behind the RSA door, with the pushes shaped as sipgate documents them
 * (src/test/resources/fixtures/sipgate-*.form) and signed with a test key pair: newCall subscribes to the call's
 * answer and hangup, which complete its one entry; a push signed with another key, tampered or unsigned stores nothing;
 * the same push twice (sipgate signs without a timestamp, so a replay passes the door) changes nothing.
 */
@QuarkusTest
@WithPostgres
class SipgateCallTest {

    static final String CALLS = "/api/v1/webhooks/sipgate/sipgate-calls/calls";
    static final String FIXTURE_NUMBER = "49305550123";
    static final String FIXTURE_CALL_ID = "D8A1B2C3D4E5F60718293A4B5C6D7E8F";
    static boolean registered;

    @BeforeEach
    void registerSipgateOnce() {
        if (!registered) {
            CallFixtures.register("sipgate-calls", "SIPGATE", fixture("sipgate-test-public.pem"));
            registered = true;
        }
    }

    /** A fixture push for another call and caller: the same shape, this call's id and the customer's number. */
    static String push(String fixture, String callId, String digits) {
        return fixture(fixture).replace(FIXTURE_CALL_ID, callId).replace(FIXTURE_NUMBER, "4930" + digits);
    }

    static ValidatableResponse send(String form, String signature) {
        return given().contentType("application/x-www-form-urlencoded")
                .header(WebhookHeaders.SIPGATE_SIGNATURE, signature)
                .body(form)
                .when()
                .post(CALLS)
                .then();
    }

    static ValidatableResponse send(String form) {
        return send(form, rsaSignature("sipgate-test-private.pem", form));
    }

    @Test
    void newCallAnswerAndHangupMakeOneEntryWithTheAnsweringAgent() {
        String digits = subscriber();
        UUID customer = customerWith("030 " + digits);
        String callId = UUID.randomUUID().toString().replace("-", "").toUpperCase();

        send(push("sipgate-new-call.form", callId, digits))
                .statusCode(200)
                .contentType(containsString("application/xml"))
                .body(equalTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response"
                        + " onAnswer=\"https://profile.test.example/api/v1/webhooks/sipgate/sipgate-calls/calls\""
                        + " onHangup=\"https://profile.test.example/api/v1/webhooks/sipgate/sipgate-calls/calls\"/>"));
        send(push("sipgate-answer.form", callId, digits))
                .statusCode(200)
                .body(equalTo(SipgateCallResource.EMPTY_RESPONSE));
        // Talk time is from the answer to the hangup as they arrive: make the answer a minute and a half ago.
        TestDatabase.execute(
                "UPDATE call_record SET answered_at = answered_at - interval '90 seconds' WHERE subject_id = ?",
                customer);
        send(push("sipgate-hangup.form", callId, digits)).statusCode(200);

        assertThat(entriesOf(customer)).isEqualTo(1);
        Map<String, Object> entry = timelineOf(customer).getFirst();
        assertThat(entry)
                .containsEntry("channel", "CALL")
                .containsEntry("direction", "INBOUND")
                .containsEntry("agent", "sipgate user w1")
                .containsEntry("source", "integration:sipgate-calls")
                .containsEntry("externalReference", callId);
        assertThat((Integer) entry.get("durationSeconds")).isBetween(90, 100);
        assertThat(entry.get("summary")).isNull();
    }

    @Test
    void aHangupBeforeAnyAnswerIsAMissedCall() {
        String digits = subscriber();
        UUID customer = customerWith("+49 30 " + digits);
        String callId = UUID.randomUUID().toString().replace("-", "");
        send(push("sipgate-new-call.form", callId, digits)).statusCode(200);
        send(push("sipgate-hangup-cancel.form", callId, digits)).statusCode(200);
        assertThat(timelineOf(customer).getFirst())
                .containsEntry("summary", "Missed call")
                .containsEntry("durationSeconds", 0);
    }

    @Test
    void anOutgoingCallIsMatchedByTheCalledNumberWithTheCallingUser() {
        String digits = subscriber();
        UUID customer = customerWith("030/" + digits);
        send(push("sipgate-new-call-out.form", UUID.randomUUID().toString(), digits))
                .statusCode(200)
                .body(containsString("onHangup="));
        assertThat(timelineOf(customer).getFirst())
                .containsEntry("direction", "OUTBOUND")
                .containsEntry("agent", "sipgate user w0");
    }

    @Test
    void theSamePushTwiceChangesNothing() {
        String digits = subscriber();
        UUID customer = customerWith("030 " + digits);
        String callId = UUID.randomUUID().toString();
        String newCall = push("sipgate-new-call.form", callId, digits);
        send(newCall).statusCode(200).body(containsString("onAnswer"));
        send(newCall).statusCode(200).body(equalTo(SipgateCallResource.EMPTY_RESPONSE));
        String hangup = push("sipgate-hangup-cancel.form", callId, digits);
        send(hangup).statusCode(200);
        send(hangup).statusCode(200);
        send(newCall).statusCode(200).body(equalTo(SipgateCallResource.EMPTY_RESPONSE));
        assertThat(entriesOf(customer)).isEqualTo(1);
        assertThat(timelineOf(customer).getFirst()).containsEntry("summary", "Missed call");
    }

    @Test
    void anUnknownCallerIsNotFollowedAndNothingIsStored() {
        String digits = subscriber();
        long before = CallFixtures.entriesBy("sipgate-calls");
        send(push("sipgate-new-call.form", UUID.randomUUID().toString(), digits))
                .statusCode(200)
                .body(equalTo(SipgateCallResource.EMPTY_RESPONSE));
        send(push("sipgate-new-call.form", UUID.randomUUID().toString(), digits)
                        .replace("from=4930" + digits, "from=anonymous"))
                .statusCode(200)
                .body(equalTo(SipgateCallResource.EMPTY_RESPONSE));
        assertThat(CallFixtures.entriesBy("sipgate-calls")).isEqualTo(before);
    }

    @Test
    void aPushSignedWithAnotherKeyTamperedUnsignedOrToAnUnknownIntegrationStoresNothing() {
        String digits = subscriber();
        UUID customer = customerWith("030 " + digits);
        String form = push("sipgate-new-call.form", UUID.randomUUID().toString(), digits);
        send(form, rsaSignature("other-test-private.pem", form))
                .statusCode(401)
                .contentType("application/problem+json");
        send(form.replace("direction=in", "direction=out"), rsaSignature("sipgate-test-private.pem", form))
                .statusCode(401);
        given().contentType("application/x-www-form-urlencoded")
                .body(form)
                .when()
                .post(CALLS)
                .then()
                .statusCode(401);
        // Rightly signed, but to an integration that is not registered: refused like a bad signature.
        given().contentType("application/x-www-form-urlencoded")
                .header(WebhookHeaders.SIPGATE_SIGNATURE, rsaSignature("sipgate-test-private.pem", form))
                .body(form)
                .when()
                .post("/api/v1/webhooks/sipgate/nobody-here/calls")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        send(form, rsaSignature("sipgate-test-private.pem", form))
                .statusCode(200); // the same push, rightly signed, is taken
        assertThat(entriesOf(customer)).isEqualTo(1);
    }

    @Test
    void aPushWithoutItsFieldsIsA400AndStoresNothing() {
        String digits = subscriber();
        UUID customer = customerWith("030 " + digits);
        String form = push("sipgate-new-call.form", UUID.randomUUID().toString(), digits);
        send(form.replace("event=newCall", "event=dtmf")).statusCode(400).contentType("application/problem+json");
        send(form.replace("direction=in", "direction=sideways")).statusCode(400);
        send(form.replaceAll("callId=[^&]+&", "")).statusCode(400);
        assertThat(entriesOf(customer)).isZero();
    }
}
