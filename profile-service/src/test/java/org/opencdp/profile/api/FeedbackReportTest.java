package org.opencdp.profile.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.opencdp.profile.api.CustomerFixtures.as;
import static org.opencdp.profile.api.CustomerFixtures.company;
import static org.opencdp.profile.api.CustomerFixtures.created;
import static org.opencdp.profile.api.CustomerFixtures.person;
import static org.opencdp.profile.api.FeedbackResourceTest.feedbackOf;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencdp.subjectrights.SubjectRestrictions;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;

/**
 * NPS and CSAT per month with small-cell suppression. The answers are dated in 2024, a year no other test writes
 * to, so that the figures are exact.
 */
@QuarkusTest
@WithPostgres
class FeedbackReportTest {

    private static final String REPORT = "/api/v1/feedback/report";

    @Inject
    SubjectRestrictions restrictions;

    private static void answer(UUID customer, String measure, int score, String answeredAt) {
        as("service")
                .body(Map.of(
                        measure, score, "source", "SURVEY_LINK", "answeredAt", answeredAt, "comment", "never shown"))
                .when()
                .post(feedbackOf(customer))
                .then()
                .statusCode(201);
    }

    @Test
    void npsAndCsatPerMonthWithSmallCellsSuppressedAndNoFreeText() {
        List<UUID> persons = new ArrayList<>();
        int[] scores = {10, 10, 9, 7, 3};
        for (int score : scores) {
            UUID person = created(person());
            persons.add(person);
            answer(person, "nps", score, "2024-03-10T12:00:00Z");
        }
        answer(persons.get(0), "csat", 5, "2024-03-11T12:00:00Z");
        answer(persons.get(1), "csat", 2, "2024-03-11T12:00:00Z");
        answer(created(company()), "nps", 0, "2024-03-12T12:00:00Z");

        as("analyst")
                .queryParam("from", "2024-03")
                .queryParam("to", "2024-03")
                .when()
                .get(REPORT)
                .then()
                .statusCode(200)
                .body("nps.minCustomers", equalTo(5))
                .body("nps.rows", hasSize(1))
                .body("nps.rows[0].month", equalTo("2024-03"))
                .body("nps.rows[0].answers", equalTo(6))
                .body("nps.rows[0].customers", equalTo(6))
                .body("nps.rows[0].promoters", equalTo(3))
                .body("nps.rows[0].passives", equalTo(1))
                .body("nps.rows[0].detractors", equalTo(2))
                .body("nps.rows[0].nps", equalTo(16.7f))
                .body("csat.rows[0].suppressed", equalTo(true))
                .body("csat.rows[0].average", nullValue())
                .body("csat.rows[0].rating5", nullValue())
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("never shown")));

        as("marketing")
                .queryParam("from", "2024-03")
                .queryParam("to", "2024-03")
                .queryParam("segment", "customer-kind")
                .when()
                .get(REPORT)
                .then()
                .statusCode(200)
                .body("nps.rows.customerKind", contains("COMPANY", "PERSON"))
                .body("nps.rows[0].suppressed", equalTo(true))
                .body("nps.rows[0].nps", nullValue())
                .body("nps.rows[1].suppressed", equalTo(false))
                .body("nps.rows[1].nps", equalTo(40.0f));

        restrictions.restrict(
                persons.get(4),
                SubjectRestrictions.Basis.ART18_REQUEST,
                UUID.randomUUID(),
                LocalDate.now().plusDays(30));
        as("marketing")
                .queryParam("from", "2024-03")
                .queryParam("to", "2024-03")
                .queryParam("segment", "customer-kind")
                .when()
                .get(REPORT)
                .then()
                .body("nps.rows[1].customerKind", equalTo("PERSON"))
                .body("nps.rows[1].suppressed", equalTo(true));
    }

    @Test
    void rowsPerSourceAndMonthsWithoutAnswersAreAbsent() {
        as("analyst")
                .queryParam("from", "2024-06")
                .queryParam("to", "2024-08")
                .queryParam("segment", "source")
                .when()
                .get(REPORT)
                .then()
                .statusCode(200)
                .body("nps.rows", hasSize(0))
                .body("csat.rows", hasSize(0));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "from=2024-13",
                "to=2024/03",
                "from=2024-05&to=2024-03",
                "from=2020-01&to=2024-03",
                "segment=rfm",
            })
    void badParametersAre400(String query) {
        as("analyst").when().get(REPORT + "?" + query).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void withoutATokenIs401() {
        given().when().get(REPORT).then().statusCode(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sales", "service", "dpo", "admin"})
    void onlyMarketingAndAnalystsReadReports(String role) {
        as(role).when().get(REPORT).then().statusCode(403).contentType("application/problem+json");
    }
}
