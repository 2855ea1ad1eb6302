package org.opencdp.profile.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.opencdp.profile.api.CustomerFixtures.as;
import static org.opencdp.profile.api.CustomerFixtures.created;
import static org.opencdp.profile.api.CustomerFixtures.person;
import static org.opencdp.profile.api.SalesFixtures.FOLLOW_UPS;
import static org.opencdp.profile.api.SalesFixtures.convert;
import static org.opencdp.profile.api.SalesFixtures.createFollowUp;
import static org.opencdp.profile.api.SalesFixtures.createdFollowUp;
import static org.opencdp.profile.api.SalesFixtures.createdLead;
import static org.opencdp.profile.api.SalesFixtures.personLead;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Follow-ups on customers and leads, "my" open ones, completion, and what the conversion keeps. */
@QuarkusTest
@WithPostgres
class FollowUpResourceTest {

    private static LocalDate inDays(int days) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(days);
    }

    @Test
    void aFollowUpOnACustomerBelongsToTheCallerWithItsNoteEncrypted() {
        UUID customer = created(person());
        String id = createFollowUp("service", customer, inDays(3), "Ask about the delivery")
                .then()
                .statusCode(201)
                .header("Location", containsString(FOLLOW_UPS + "/"))
                .body("subjectId", equalTo(customer.toString()))
                .body("subjectType", equalTo("CUSTOMER"))
                .body("owner", equalTo("service.user"))
                .body("dueDate", equalTo(inDays(3).toString()))
                .body("note", equalTo("Ask about the delivery"))
                .body("done", equalTo(false))
                .extract()
                .path("id");
        byte[] stored = (byte[]) TestDatabase.rows("SELECT note FROM follow_up WHERE id = ?", UUID.fromString(id))
                .get(0)
                .get("note");
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("delivery");
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_entry WHERE subject_id = ? AND action = 'follow-up.create'",
                        customer))
                .isOne();
    }

    @Test
    void anotherAgentCanBeTheOwner() {
        UUID lead = createdLead(personLead());
        Map<String, Object> body = new HashMap<>();
        body.put("subjectId", lead.toString());
        body.put("dueDate", inDays(1).toString());
        body.put("owner", "jane.doe");
        String id = as("sales")
                .body(body)
                .when()
                .post(FOLLOW_UPS)
                .then()
                .statusCode(201)
                .body("owner", equalTo("jane.doe"))
                .body("subjectType", equalTo("LEAD"))
                .body("note", nullValue())
                .extract()
                .path("id");
        given().auth()
                .oauth2(TestTokens.user("jane.doe", "sales"))
                .when()
                .get(FOLLOW_UPS + "/mine")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
        as("sales").when().get(FOLLOW_UPS + "/mine").then().body("items.id", not(hasItem(id)));
    }

    @Test
    void mineListsOnlyTheCallersOpenOnesInDueOrderPagedWithTheCursor() {
        String agent = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        UUID customer = created(person());
        List<String> expected = new ArrayList<>();
        for (int days : new int[] {5, 1, 3}) {
            expected.add(createFollowUpAs(agent, customer, inDays(days)));
        }
        String done = createFollowUpAs(agent, customer, inDays(2));
        given().auth()
                .oauth2(TestTokens.user(agent, "service"))
                .when()
                .post(FOLLOW_UPS + "/" + done + "/completion")
                .then()
                .statusCode(200);

        List<String> seen = new ArrayList<>();
        List<String> dues = new ArrayList<>();
        String cursor = null;
        do {
            var request =
                    given().auth().oauth2(TestTokens.user(agent, "service")).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when()
                    .get(FOLLOW_UPS + "/mine")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            seen.addAll(page.getList("items.id", String.class));
            dues.addAll(page.getList("items.dueDate", String.class));
            cursor = page.getString("next");
        } while (cursor != null);
        assertThat(seen).containsExactly(expected.get(1), expected.get(2), expected.get(0));
        assertThat(dues).isSorted();
    }

    private static String createFollowUpAs(String agent, UUID subject, LocalDate due) {
        return given().auth()
                .oauth2(TestTokens.user(agent, "service"))
                .contentType(ContentType.JSON)
                .body(Map.of("subjectId", subject.toString(), "dueDate", due.toString(), "note", "Call back"))
                .when()
                .post(FOLLOW_UPS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void aSubjectsOpenFollowUpsOfEveryAgentAreListedInDueOrder() {
        UUID customer = created(person());
        String later = createFollowUpAs("agent-a", customer, inDays(6));
        String sooner = createFollowUpAs("agent-b", customer, inDays(2));
        String done = createFollowUpAs("agent-a", customer, inDays(1));
        as("sales").when().post(FOLLOW_UPS + "/" + done + "/completion").then().statusCode(200);
        createFollowUpAs("agent-a", created(person()), inDays(1));

        JsonPath first = as("service")
                .queryParam("subjectId", customer.toString())
                .queryParam("limit", 1)
                .when()
                .get(FOLLOW_UPS)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(first.getList("items.id", String.class)).containsExactly(sooner);
        as("service")
                .queryParam("subjectId", customer.toString())
                .queryParam("cursor", first.getString("next"))
                .when()
                .get(FOLLOW_UPS)
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(later))
                .body("items[0].note", equalTo("Call back"))
                .body("next", nullValue());
        as("sales")
                .queryParam("subjectId", UUID.randomUUID().toString())
                .when()
                .get(FOLLOW_UPS)
                .then()
                .statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
        as("sales").when().get(FOLLOW_UPS).then().statusCode(400).body("errors[0].field", equalTo("subjectId"));
    }

    @Test
    void completingAndReopeningAreIdempotent() {
        UUID customer = created(person());
        UUID id = createdFollowUp("sales", customer, inDays(1), "Send the offer");
        String completedAt = as("service")
                .when()
                .post(FOLLOW_UPS + "/" + id + "/completion")
                .then()
                .statusCode(200)
                .body("done", equalTo(true))
                .body("completedAt", notNullValue())
                .body("note", equalTo("Send the offer"))
                .extract()
                .path("completedAt");
        as("sales")
                .when()
                .post(FOLLOW_UPS + "/" + id + "/completion")
                .then()
                .statusCode(200)
                .body("completedAt", equalTo(completedAt));
        as("sales").when().get(FOLLOW_UPS + "/mine").then().body("items.id", not(hasItem(id.toString())));
        as("sales")
                .when()
                .delete(FOLLOW_UPS + "/" + id + "/completion")
                .then()
                .statusCode(200)
                .body("done", equalTo(false))
                .body("completedAt", nullValue());
        as("sales").when().delete(FOLLOW_UPS + "/" + id + "/completion").then().statusCode(200);
        as("sales").when().get(FOLLOW_UPS + "/mine").then().body("items.id", hasItem(id.toString()));
        as("sales")
                .when()
                .post(FOLLOW_UPS + "/" + UUID.randomUUID() + "/completion")
                .then()
                .statusCode(404);
    }

    @Test
    void aFollowUpTouchesItsLead() {
        UUID lead = createdLead(personLead());
        TestDatabase.execute(
                "UPDATE lead SET last_touched_at = last_touched_at - interval '30 days' WHERE id = ?", lead);
        String recentlyTouched =
                "SELECT count(*) FROM lead WHERE id = ? AND last_touched_at > now() - interval '1 day'";
        assertThat(TestDatabase.count(recentlyTouched, lead)).isZero();

        createdFollowUp("sales", lead, inDays(1), "Call back");

        assertThat(TestDatabase.count(recentlyTouched, lead)).isOne();
    }

    /** The test: the lead's follow-ups are the customer's after the conversion, with nothing copied. */
    @Test
    void conversionKeepsTheFollowUpsUnderTheSameSubjectId() {
        UUID lead = createdLead(personLead());
        UUID followUp = createdFollowUp("sales", lead, inDays(2), "Send the revised proposal");

        convert(lead).then().statusCode(201).body("id", equalTo(lead.toString()));

        assertThat(TestDatabase.count("SELECT count(*) FROM follow_up WHERE subject_id = ?", lead))
                .isOne();
        as("sales")
                .when()
                .get(FOLLOW_UPS + "/mine")
                .then()
                .statusCode(200)
                .body("items.find { it.id == '" + followUp + "' }.subjectId", equalTo(lead.toString()))
                .body("items.find { it.id == '" + followUp + "' }.subjectType", equalTo("CUSTOMER"))
                .body("items.find { it.id == '" + followUp + "' }.note", equalTo("Send the revised proposal"));
        // A new follow-up after the conversion lands on the same subject, now the customer.
        createFollowUp("sales", lead, inDays(4), "Welcome call")
                .then()
                .statusCode(201)
                .body("subjectType", equalTo("CUSTOMER"));
        assertThat(TestDatabase.count("SELECT count(*) FROM follow_up WHERE subject_id = ?", lead))
                .isEqualTo(2);
    }

    @Test
    void deletingTheCustomerDeletesItsFollowUps() {
        UUID customer = created(person());
        createdFollowUp("sales", customer, inDays(1), "Call back");
        as("sales")
                .header("If-Match", "\"0\"")
                .when()
                .delete(CustomerFixtures.CUSTOMERS + "/" + customer)
                .then()
                .statusCode(204);
        assertThat(TestDatabase.count("SELECT count(*) FROM follow_up WHERE subject_id = ?", customer))
                .isZero();
    }

    @Test
    void everyEndpointRefusesCallersWithoutATokenOrTheRole() {
        UUID customer = created(person());
        UUID id = createdFollowUp("sales", customer, inDays(1), "Call back");
        List<String[]> calls = List.of(
                new String[] {"POST", FOLLOW_UPS},
                new String[] {"GET", FOLLOW_UPS + "/mine"},
                new String[] {"GET", FOLLOW_UPS + "?subjectId=" + customer},
                new String[] {"POST", FOLLOW_UPS + "/" + id + "/completion"},
                new String[] {"DELETE", FOLLOW_UPS + "/" + id + "/completion"});
        for (String[] call : calls) {
            given().contentType(ContentType.JSON)
                    .body("{}")
                    .when()
                    .request(call[0], call[1])
                    .then()
                    .statusCode(401);
            for (String role : List.of("marketing", "analyst", "dpo", "admin")) {
                given().auth()
                        .oauth2(TestTokens.forRole(role))
                        .contentType(ContentType.JSON)
                        .body("{}")
                        .when()
                        .request(call[0], call[1])
                        .then()
                        .statusCode(403)
                        .contentType("application/problem+json");
            }
            given().auth()
                    .oauth2(TestTokens.serviceAccount("retention-service"))
                    .contentType(ContentType.JSON)
                    .body("{}")
                    .when()
                    .request(call[0], call[1])
                    .then()
                    .statusCode(403);
        }
        assertThat(TestDatabase.rows("SELECT done FROM follow_up WHERE id = ?", id)
                        .get(0)
                        .get("done"))
                .isEqualTo(false);
    }
}
