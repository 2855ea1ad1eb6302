package org.opencdp.behaviour.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencdp.behaviour.repository.RecommendationRepository;
import org.opencdp.behaviour.repository.RecommendationRepository.Product;
import org.opencdp.events.EventContracts;
import org.opencdp.events.consent.ConsentRevoked;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithPostgres
class RecommendationResourceTest {

    private static final Instant YESTERDAY = Instant.now().minus(1, ChronoUnit.DAYS);

    @Inject
    RecommendationRepository repository;

    private final UUID onlyA = UUID.randomUUID();
    private final UUID aAndB = UUID.randomUUID();

    /** Five customers bought A with B, three of them also A with C; one bought only A; B and C bought alone once. */
    @BeforeEach
    void orderBook() {
        TestDatabase.execute("DELETE FROM customer_order");
        List<Map<String, Object>> orders = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID customer = i == 0 ? aAndB : UUID.randomUUID();
            orders.add(basket(customer, "A", "B"));
            if (i >= 2) {
                orders.add(basket(customer, "A", "C"));
            }
        }
        orders.add(basket(onlyA, "A"));
        Orders.importAll(orders);
        recompute();
    }

    private static Map<String, Object> basket(UUID customer, String... skus) {
        Map<String, Object> order =
                Orders.order("RC-" + UUID.randomUUID(), customer, YESTERDAY, skus[0], "x", 1, "1.00");
        List<Object> lines = new ArrayList<>();
        for (String sku : skus) {
            lines.add(Orders.line(sku, "x", 1, "1.00", "0"));
        }
        order.put("lines", lines);
        order.put("total", BigDecimal.valueOf(skus.length));
        return order;
    }

    private static void recompute() {
        given().auth()
                .oauth2(TestTokens.forRole("analyst"))
                .when()
                .post("/api/v1/recommendations/recompute")
                .then()
                .statusCode(204);
    }

    @Test
    void productsBoughtTogetherAreCountedOverOrdersAndWhatTheCustomerHasIsLeftOut() {
        List<Product> forOnlyA = QuarkusTransaction.requiringNew().call(() -> repository.boughtTogether(onlyA, 10));
        assertThat(forOnlyA).containsExactly(new Product("B", 5), new Product("C", 3));
        List<Product> forAAndB = QuarkusTransaction.requiringNew().call(() -> repository.boughtTogether(aAndB, 10));
        assertThat(forAAndB).containsExactly(new Product("C", 3));
    }

    @Test
    void bestsellersLeaveOutProductsOfFewerThanFiveCustomers() {
        List<Product> bestsellers = QuarkusTransaction.requiringNew().call(() -> repository.bestsellers(10));
        assertThat(bestsellers).containsExactly(new Product("A", 6), new Product("B", 5));
    }

    /** consent-service cannot be reached in these tests: no personal list, the bestsellers, and why. */
    @Test
    void withoutAnAnswerFromConsentServiceTheBestsellersAreGiven() {
        given().auth()
                .oauth2(TestTokens.forRole("marketing"))
                .when()
                .get("/api/v1/customers/" + onlyA + "/recommendations")
                .then()
                .statusCode(200)
                .body("kind", equalTo("BESTSELLERS"))
                .body("reason", equalTo("CONSENT_SERVICE_UNAVAILABLE"))
                .body("products.sku", equalTo(List.of("A", "B")));
    }

    @Test
    void aConsentRevocationIsTakenOnceAndOnlyFromConsentService() {
        // The contract's example (libs/events), for this subject: what consent-service's outbox delivers.
        ObjectNode payload = EventContracts.example(ConsentRevoked.TYPE, ConsentRevoked.VERSION)
                .deepCopy();
        payload.put("holderType", "SUBJECT");
        payload.put("holderId", onlyA.toString());
        Map<String, Object> event = Map.of(
                "id",
                UUID.randomUUID().toString(),
                "type",
                ConsentRevoked.TYPE,
                "version",
                ConsentRevoked.VERSION,
                "subjectId",
                onlyA.toString(),
                "occurredAt",
                Instant.now().toString(),
                "payload",
                payload);
        given().auth()
                .oauth2(TestTokens.serviceAccount("consent-service"))
                .contentType(ContentType.JSON)
                .body(List.of(event))
                .when()
                .post("/api/v1/events/consent")
                .then()
                .statusCode(200)
                .body("applied", equalTo(1));
        given().auth()
                .oauth2(TestTokens.serviceAccount("consent-service"))
                .contentType(ContentType.JSON)
                .body(List.of(event))
                .when()
                .post("/api/v1/events/consent")
                .then()
                .statusCode(200)
                .body("applied", equalTo(0));
        Map<String, Object> future = new LinkedHashMap<>(event);
        future.put("id", UUID.randomUUID().toString());
        future.put("version", 2);
        given().auth()
                .oauth2(TestTokens.serviceAccount("consent-service"))
                .contentType(ContentType.JSON)
                .body(List.of(future))
                .when()
                .post("/api/v1/events/consent")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body(List.of(event))
                .when()
                .post("/api/v1/events/consent")
                .then()
                .statusCode(401);
        for (String token : List.of(
                TestTokens.serviceAccount("profile-service"), TestTokens.forRole("admin"), TestTokens.shop("shop"))) {
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(List.of(event))
                    .when()
                    .post("/api/v1/events/consent")
                    .then()
                    .statusCode(403);
        }
    }

    @Test
    void onlyMarketingAndShopsReadRecommendationsAndOnlyAnalystsAndAdminsRecompute() {
        String path = "/api/v1/customers/" + onlyA + "/recommendations";
        given().when().get(path).then().statusCode(401);
        given().when().post("/api/v1/recommendations/recompute").then().statusCode(401);
        for (String role : List.of("sales", "analyst", "service", "admin")) {
            given().auth()
                    .oauth2(TestTokens.forRole(role))
                    .when()
                    .get(path)
                    .then()
                    .statusCode(403);
        }
        given().auth()
                .oauth2(TestTokens.shop(Orders.SHOP))
                .when()
                .get(path)
                .then()
                .statusCode(200);
        for (String role : List.of("sales", "marketing", "service")) {
            given().auth()
                    .oauth2(TestTokens.forRole(role))
                    .when()
                    .post("/api/v1/recommendations/recompute")
                    .then()
                    .statusCode(403);
        }
    }
}
