package org.opencdp.profile.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The 3CX side of the caller lookup: the endpoint behind the integration's Basic credentials, and the shipped CRM
 * template (integrations/3cx/opencdp-crm-template.xml), read as 3CX reads it: its request is the endpoint, its
 * credentials are the integration's, and every path it maps resolves in a real answer of the endpoint.
 */
@QuarkusTest
@WithPostgres
class CallerLookupTemplateTest {

    static final String THREECX = "/api/v1/integrations/3cx/lookup";
    static final Path TEMPLATE = Path.of("..", "integrations", "3cx", "opencdp-crm-template.xml");

    static String apiKey;

    @BeforeEach
    void registerThePbxOnce() {
        if (apiKey != null) {
            return;
        }
        apiKey = given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body(Map.of("name", "pbx-template", "kind", "THREECX"))
                .when()
                .post("/api/v1/integrations")
                .then()
                .statusCode(201)
                .extract()
                .path("secret");
    }

    @Test
    void everyPathTheTemplateMapsResolvesInARealAnswerForEveryContact() throws Exception {
        Map<String, Object> person = CallerLookupTest.personWith("+49 351 8642097");
        UUID one = CustomerFixtures.created(person);
        UUID two = CustomerFixtures.created(CallerLookupTest.personWith("0351 8642097"));
        Document template = template();
        Element request = (Element) template.getElementsByTagName("Request").item(0);
        String url = request.getAttribute("Url");
        assertThat(url).isEqualTo("[BaseUrl]/api/v1/integrations/3cx/lookup?number=[Number]");
        assertThat(request.getAttribute("RequestType")).isEqualTo("Get");
        assertThat(request.getAttribute("ResponseType")).isEqualTo("Json");
        assertThat(((Element) template.getElementsByTagName("Number").item(0)).getAttribute("Prefix"))
                .isEqualTo("Zeros");

        // As 3CX sends it: the path of the template's URL, [Number] in the template's Zeros form, Basic credentials.
        String answer = given().auth()
                .preemptive()
                .basic("pbx-template", apiKey)
                .when()
                .get(url.replace("[BaseUrl]", "").replace("[Number]", "00493518642097"))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        JsonNode json = new ObjectMapper().readTree(answer);

        List<String> paths = new ArrayList<>();
        NodeList variables = template.getElementsByTagName("Variable");
        for (int i = 0; i < variables.getLength(); i++) {
            paths.add(((Element) variables.item(i)).getAttribute("Path"));
        }
        paths.add(template.getElementsByTagName("Rule").item(0).getTextContent().strip());
        assertThat(paths).hasSize(9);
        for (String path : paths) {
            List<JsonNode> values = resolve(json, path);
            assertThat(values)
                    .as(path)
                    .hasSize(2)
                    .allSatisfy(value -> assertThat(value.isValueNode())
                            .as(path + " is a value")
                            .isTrue());
        }
        assertThat(resolve(json, "contacts.contactId").stream().map(JsonNode::asText))
                .containsExactlyInAnyOrder(one.toString(), two.toString());
        assertThat(resolve(json, "contacts.lastName").stream().map(JsonNode::asText))
                .contains((String) person.get("familyName"));
        assertThat(resolve(json, "contacts.phoneBusiness").stream().map(JsonNode::asText))
                .containsOnly("+493518642097");
        assertThat(resolve(json, "contacts.contactUrl").getFirst().asText()).startsWith("http");
    }

    @Test
    void everyOutputOfTheTemplateUsesADeclaredVariableOrAConstant() throws Exception {
        Document template = template();
        Set<String> declared = new HashSet<>();
        NodeList variables = template.getElementsByTagName("Variable");
        for (int i = 0; i < variables.getLength(); i++) {
            declared.add(((Element) variables.item(i)).getAttribute("Name"));
        }
        NodeList outputs = template.getElementsByTagName("Output");
        Set<String> types = new HashSet<>();
        for (int i = 0; i < outputs.getLength(); i++) {
            Element output = (Element) outputs.item(i);
            types.add(output.getAttribute("Type"));
            Matcher used = Pattern.compile("\\[([A-Za-z]+)]").matcher(output.getAttribute("Value"));
            while (used.find()) {
                assertThat(declared).contains(used.group(1));
            }
        }
        assertThat(types)
                .contains(
                        "ContactID",
                        "FirstName",
                        "LastName",
                        "CompanyName",
                        "Email",
                        "PhoneBusiness",
                        "PhoneMobile",
                        "ContactUrl",
                        "EntityId",
                        "EntityType");
        Set<String> parameters = new HashSet<>();
        NodeList declaredParameters = template.getElementsByTagName("Parameter");
        for (int i = 0; i < declaredParameters.getLength(); i++) {
            parameters.add(((Element) declaredParameters.item(i)).getAttribute("Name"));
        }
        Element authentication =
                (Element) template.getElementsByTagName("Authentication").item(0);
        assertThat(authentication.getAttribute("Type")).isEqualTo("Basic");
        assertThat(authentication.getTextContent().strip()).isEqualTo("[IntegrationName]:[ApiKey]");
        assertThat(parameters).contains("BaseUrl", "IntegrationName", "ApiKey");
    }

    @Test
    void theLookupAnswersAnUnknownNumberWithNoContactsAndRecordsWhoAsked() {
        UUID customer = CustomerFixtures.created(CallerLookupTest.personWith("+49 511 1357913"));
        given().auth()
                .preemptive()
                .basic("pbx-template", apiKey)
                .queryParam("number", "00495119999999")
                .when()
                .get(THREECX)
                .then()
                .statusCode(200)
                .body("contacts", empty());
        given().auth()
                .preemptive()
                .basic("pbx-template", apiKey)
                .queryParam("number", "05111357913")
                .when()
                .get(THREECX)
                .then()
                .statusCode(200)
                .body("contacts[0].contactId", equalTo(customer.toString()))
                .body("contacts[0].doNotCallForMarketing", equalTo(true));
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_entry WHERE subject_id = ? AND actor = 'integration:pbx-template' "
                                + "AND actor_kind = 'SERVICE' AND action = 'customer.caller-lookup'",
                        customer))
                .isEqualTo(1);
    }

    @Test
    void withoutTheIntegrationsCredentialsNothingIsAnswered() {
        CustomerFixtures.created(CallerLookupTest.personWith("+49 511 2468135"));
        given().auth()
                .preemptive()
                .basic("pbx-template", apiKey + "-wrong")
                .queryParam("number", "05112468135")
                .when()
                .get(THREECX)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Basic"));
        given().queryParam("number", "05112468135").when().get(THREECX).then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.forRole("service"))
                .queryParam("number", "05112468135")
                .when()
                .get(THREECX)
                .then()
                .statusCode(401);
    }

    /** The values at a dotted path, each array on the way standing for all its elements (as 3CX reads lists). */
    static List<JsonNode> resolve(JsonNode node, String path) {
        List<JsonNode> current = List.of(node);
        for (String step : path.split("\\.")) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode at : current) {
                if (at.isArray()) {
                    at.forEach(element -> {
                        if (element.has(step)) {
                            next.add(element.get(step));
                        }
                    });
                } else if (at.has(step)) {
                    next.add(at.get(step));
                }
            }
            current = next;
        }
        return current;
    }

    static Document template() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(TEMPLATE.toFile());
    }
}
