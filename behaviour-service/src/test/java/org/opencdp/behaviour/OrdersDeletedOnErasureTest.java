package org.opencdp.behaviour;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencdp.behaviour.api.Orders;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The deployment policy for orders on erasure switched off (the accounting system holds the records the law
 * requires): an erasure deletes the customer's orders (their lines and adjustments go with them), keeps nothing under legal hold and leaves
 * the subject unrestricted. The default policy (orders kept) is BehaviourSubjectRightsTest's.
 */
@QuarkusTest
@WithPostgres
@TestProfile(OrdersDeletedOnErasureTest.KeepPolicyOff.class)
class OrdersDeletedOnErasureTest {

    public static class KeepPolicyOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("opencdp.behaviour.orders.keep-on-erasure", "false");
        }
    }

    @Test
    void anErasureDeletesTheOrdersAndTheReceiptSaysSo() {
        UUID subject = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        Instant lastWeek = Instant.now().minus(7, ChronoUnit.DAYS);
        Orders.importAll(List.of(
                Orders.order("DEL-" + UUID.randomUUID(), subject, lastWeek, "SKU-1", "tea", 2, "4.50"),
                Orders.order("DEL-" + UUID.randomUUID(), subject, lastWeek.plusSeconds(60), "SKU-2", "cups", 1, "9"),
                Orders.order("DEL-" + UUID.randomUUID(), other, lastWeek, "SKU-1", "tea", 1, "4.50")));

        JsonPath receipt = given().auth()
                .oauth2(TestTokens.serviceAccount("retention-service"))
                .contentType(ContentType.JSON)
                .body(Map.of("requestId", UUID.randomUUID().toString()))
                .when()
                .post("/api/v1/subject-rights/" + subject + "/erasure")
                .then()
                .statusCode(200)
                .body("restricted", equalTo(false))
                .body("categories.category", hasItem("orders"))
                .extract()
                .jsonPath();
        Map<String, Object> orders = receipt.getMap("categories.find { it.category == 'orders' }");
        assertThat(orders)
                .containsEntry("erased", 2)
                .containsEntry("keptUnderLegalHold", 0)
                .doesNotContainKeys("keptUntil", "legalReference");

        assertThat(TestDatabase.count("SELECT count(*) FROM customer_order WHERE subject_id = ?", subject))
                .isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM subject_restriction WHERE subject_id = ?", subject))
                .isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM customer_order WHERE subject_id = ?", other))
                .isEqualTo(1);
    }
}
