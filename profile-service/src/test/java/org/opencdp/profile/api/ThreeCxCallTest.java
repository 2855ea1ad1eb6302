package org.opencdp.profile.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.opencdp.profile.api.CallFixtures.customerWith;
import static org.opencdp.profile.api.CallFixtures.entriesOf;
import static org.opencdp.profile.api.CallFixtures.subscriber;
import static org.opencdp.profile.api.CallFixtures.timelineOf;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * 3CX's call journaling: the ReportCall scenario of the shipped template (integrations/3cx/opencdp-crm-template.xml)
 * posts every field the endpoint reads, and a post rendered from it as 3CX renders it is recorded on the customer's
 * timeline; the same post twice is one entry; wrong credentials and bad fields store nothing.
 */
@QuarkusTest
@WithPostgres
class ThreeCxCallTest {

    static final String CALLS = "/api/v1/integrations/3cx/calls";
    static String apiKey;

    @BeforeEach
    void registerThePbxOnce() {
        if (apiKey == null) {
            apiKey = CallFixtures.register("pbx-journal", "THREECX", null);
        }
    }

    /** The 3CX variable each key of the ReportCall scenario posts. */
    static final Map<String, String> VARIABLES = Map.of(
            "number", "Number",
            "callType", "CallType",
            "callDirection", "CallDirection",
            "agent", "Agent",
            "agentEmail", "AgentEmail",
            "duration", "Duration",
            "callStartTimeUtc", "CallStartTimeUTC",
            "callEstablishedTimeUtc", "CallEstablishedTimeUTC",
            "callEndTimeUtc", "CallEndTimeUTC");

    static Element reportCall() throws Exception {
        Document template = CallerLookupTemplateTest.template();
        NodeList scenarios = template.getElementsByTagName("Scenario");
        for (int i = 0; i < scenarios.getLength(); i++) {
            Element scenario = (Element) scenarios.item(i);
            if (scenario.getAttribute("Id").equals("ReportCall")) {
                return scenario;
            }
        }
        throw new AssertionError("the template has no ReportCall scenario");
    }

    /** The posted keys and their values' expressions, in the template's order. */
    static Map<String, String> postValues() throws Exception {
        Map<String, String> values = new LinkedHashMap<>();
        NodeList nodes = reportCall().getElementsByTagName("Value");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element value = (Element) nodes.item(i);
            values.put(value.getAttribute("Key"), value.getTextContent().strip());
        }
        return values;
    }

    /** A post as 3CX renders the scenario: every variable replaced by the call's value, times formatted as asked. */
    static String rendered(Map<String, String> call) throws Exception {
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, String> posted : postValues().entrySet()) {
            String expression = posted.getValue();
            String variable = VARIABLES.get(posted.getKey());
            String value = expression
                    .replace("[[" + variable + "].ToString(\"yyyy-MM-ddTHH:mm:ssZ\")]", call.getOrDefault(variable, ""))
                    .replace("[" + variable + "]", call.getOrDefault(variable, ""));
            json.append(json.length() > 1 ? "," : "")
                    .append('"')
                    .append(posted.getKey())
                    .append("\":\"")
                    .append(value)
                    .append('"');
        }
        return json.append('}').toString();
    }

    static ValidatableResponse post(String body) {
        return given().auth()
                .preemptive()
                .basic("pbx-journal", apiKey)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(CALLS)
                .then();
    }

    static Map<String, String> answeredCall(String number, Instant start) {
        Map<String, String> call = new LinkedHashMap<>();
        call.put("Number", number);
        call.put("CallType", "Inbound");
        call.put("CallDirection", "Inbound");
        call.put("Agent", "101");
        call.put("AgentEmail", "");
        call.put("Duration", "00:05:12");
        call.put("CallStartTimeUTC", start.toString());
        call.put("CallEstablishedTimeUTC", start.plusSeconds(7).toString());
        call.put("CallEndTimeUTC", start.plusSeconds(319).toString());
        return call;
    }

    @Test
    void theScenarioPostsExactlyTheEndpointsFieldsEachFromItsVariable() throws Exception {
        Element request = (Element) reportCall().getElementsByTagName("Request").item(0);
        assertThat(request.getAttribute("Url")).isEqualTo("[BaseUrl]/api/v1/integrations/3cx/calls");
        assertThat(request.getAttribute("RequestType")).isEqualTo("Post");
        assertThat(request.getAttribute("RequestEncoding")).isEqualTo("Json");
        Map<String, String> posted = postValues();
        assertThat(posted.keySet())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(ThreeCxCallInput.class.getRecordComponents())
                        .map(RecordComponent::getName)
                        .collect(Collectors.toSet()));
        posted.forEach((key, expression) -> assertThat(expression).as(key).contains("[" + VARIABLES.get(key) + "]"));
        assertThat(posted.values()).noneMatch(expression -> expression.contains("[Name]"));
    }

    @Test
    void aCallRenderedFromTheTemplateIsRecordedWithDurationAndAgent() throws Exception {
        String digits = subscriber();
        UUID customer = customerWith("+49 30 " + digits);
        Instant start = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        String body = rendered(answeredCall("004930" + digits, start));

        post(body)
                .statusCode(200)
                .body("match", equalTo("MATCHED"))
                .body("change", equalTo("CREATED"))
                .body("callId", equalTo("3cx:+4930" + digits + "/" + start.getEpochSecond() + "/101"));
        post(body).statusCode(200).body("change", equalTo("UNCHANGED"));

        assertThat(entriesOf(customer)).isEqualTo(1);
        assertThat(timelineOf(customer).getFirst())
                .containsEntry("channel", "CALL")
                .containsEntry("direction", "INBOUND")
                .containsEntry("durationSeconds", 312)
                .containsEntry("agent", "ext. 101")
                .containsEntry("occurredAt", start.toString())
                .containsEntry("source", "integration:pbx-journal");
    }

    @Test
    void aMissedCallAndAnUnfilledVariableAreUnderstood() throws Exception {
        String digits = subscriber();
        UUID customer = customerWith("030 " + digits);
        Map<String, String> call = answeredCall("030" + digits, Instant.now().minus(5, ChronoUnit.MINUTES));
        call.put("CallType", "Missed");
        call.put("Duration", "00:00:00");
        call.put("CallEstablishedTimeUTC", "");
        call.put("AgentEmail", "erika.service@example.com");
        String body = rendered(call).replace("\"callDirection\":\"Inbound\"", "\"callDirection\":\"[CallDirection]\"");
        post(body).statusCode(200).body("match", equalTo("MATCHED"));
        assertThat(timelineOf(customer).getFirst())
                .containsEntry("summary", "Missed call")
                .containsEntry("durationSeconds", 0)
                .containsEntry("direction", "INBOUND")
                .containsEntry("agent", "erika.service@example.com");
    }

    @Test
    void withoutTheIntegrationsCredentialsNothingIsStored() throws Exception {
        String digits = subscriber();
        UUID customer = customerWith("030 " + digits);
        String body = rendered(answeredCall("030" + digits, Instant.now().minus(5, ChronoUnit.MINUTES)));
        given().auth()
                .preemptive()
                .basic("pbx-journal", apiKey + "-wrong")
                .contentType(ContentType.JSON)
                .body(body)
                .post(CALLS)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Basic"));
        given().contentType(ContentType.JSON).body(body).post(CALLS).then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.forRole("service"))
                .contentType(ContentType.JSON)
                .body(body)
                .post(CALLS)
                .then()
                .statusCode(401);
        assertThat(entriesOf(customer)).isZero();
    }

    @Test
    void badFieldsAreA400AndStoreNothing() throws Exception {
        String digits = subscriber();
        UUID customer = customerWith("030 " + digits);
        Instant start = Instant.now().minus(5, ChronoUnit.MINUTES);
        String good = rendered(answeredCall("030" + digits, start));
        for (String bad : new String[] {
            good.replace("\"callType\":\"Inbound\"", "\"callType\":\"Sideways\""),
            good.replace("\"duration\":\"00:05:12\"", "\"duration\":\"5 min\""),
            good.replace("\"callStartTimeUtc\":\"" + start + "\"", "\"callStartTimeUtc\":\"\""),
            good.replace("\"callStartTimeUtc\":\"" + start + "\"", "\"callStartTimeUtc\":\"27.11.2026 09:15\""),
            good.replace("\"number\":\"030" + digits + "\"", "\"number\":\"\""),
            good.replace("}", ",\"name\":\"Erika Mustermann\"}"),
            "{\"number\":"
        }) {
            post(bad).statusCode(400).contentType("application/problem+json");
        }
        assertThat(entriesOf(customer)).isZero();
    }
}
