package org.opencdp.behaviour.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * An import and a correction of a rate it uses, interleaved on real PostgreSQL (READ COMMITTED): whichever comes
 * first, the imported order ends up at the corrected rate. The interleaving is forced, not hoped for: a transaction of
 * the test holds a row lock that one side needs, and the test waits until PostgreSQL shows the other side waiting
 * (pg_locks) before it lets go. Koruny here: 0.0400 EUR from 2026-01-01, corrected to 0.0410 or 0.0420.
 */
@QuarkusTest
@WithPostgres
class RateCorrectionRaceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @BeforeEach
    void korunaRate() {
        putRate("0.0400");
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /**
     * The import reads 0.0400 and is then held (its insert waits for the test's uncommitted order under the same id);
     * the correction must wait for the import and recount its order, instead of recounting without it.
     */
    @Test
    void aCorrectionDuringAnImportRecountsTheImportedOrder() throws Exception {
        String externalId = "RACE-" + UUID.randomUUID();
        Future<Integer> imported;
        Future<Integer> corrected;
        try (Connection blocker = TestDatabase.AS_APPLICATION.connect()) {
            blocker.setAutoCommit(false);
            insertPlaceholder(blocker, externalId);
            imported = threads.submit(() -> importInKoruny(externalId, "2026-06-01"));
            awaitUntil("the import waits at its insert", () -> waiting("transactionid") == 1);
            corrected = threads.submit(() -> putRate("0.0410"));
            awaitUntil(
                    "the correction waits for the import, or is done",
                    () -> corrected.isDone() || waiting("advisory") == 1);
            blocker.rollback();
        }
        assertThat(imported.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(201);
        assertThat(corrected.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(200);
        assertThat(rateOf(externalId)).isEqualByComparingTo("0.0410");
    }

    /**
     * The correction has written 0.0420 and is then held (its recount waits for the test's lock on an earlier order);
     * an import arriving meanwhile must wait for it and read 0.0420, instead of reading 0.0400 and escaping the
     * recount, whose snapshot is older than the import.
     */
    @Test
    void anImportDuringACorrectionReadsTheCorrectedRate() throws Exception {
        String earlier = "RACE-" + UUID.randomUUID();
        assertThat(importInKoruny(earlier, "2026-06-02")).isEqualTo(201);
        String later = "RACE-" + UUID.randomUUID();
        Future<Integer> corrected;
        Future<Integer> imported;
        try (Connection blocker = TestDatabase.AS_APPLICATION.connect()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement s = blocker.prepareStatement(
                    "SELECT id FROM customer_order WHERE shop = ? AND external_id = ? FOR UPDATE")) {
                s.setString(1, Orders.SHOP);
                s.setString(2, earlier);
                s.executeQuery().close();
            }
            corrected = threads.submit(() -> putRate("0.0420"));
            awaitUntil("the correction waits at its recount", () -> waiting("transactionid") == 1);
            imported = threads.submit(() -> importInKoruny(later, "2026-06-03"));
            awaitUntil(
                    "the import waits for the correction, or is done",
                    () -> imported.isDone() || waiting("advisory") == 1);
            blocker.commit();
        }
        assertThat(corrected.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(200);
        assertThat(imported.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(201);
        assertThat(rateOf(earlier)).isEqualByComparingTo("0.0420");
        assertThat(rateOf(later)).isEqualByComparingTo("0.0420");
    }

    private static int importInKoruny(String externalId, String day) {
        Map<String, Object> order = Orders.order(
                externalId, UUID.randomUUID(), Instant.parse(day + "T12:00:00Z"), "SKU-1", "tea", 2, "250");
        order.put("currency", "CZK");
        return Orders.send(order).statusCode();
    }

    private static int putRate(String rate) {
        return given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body("{\"rate\":" + rate + "}")
                .when()
                .put("/api/v1/exchange-rates/CZK/2026-01-01")
                .statusCode();
    }

    /** An uncommitted order under the shop's id: an import of the same id waits at its insert for this transaction. */
    private static void insertPlaceholder(Connection c, String externalId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO customer_order (id, shop, external_id, subject_id,"
                + " ordered_at, channel, payment_method, currency, discount, total, content_hash, imported_at)"
                + " VALUES (?, ?, ?, ?, now(), 'WEB', 'PAYPAL', 'CZK', 0, 0, 'placeholder', now())")) {
            s.setObject(1, UUID.randomUUID());
            s.setString(2, Orders.SHOP);
            s.setString(3, externalId);
            s.setObject(4, UUID.randomUUID());
            s.executeUpdate();
        }
    }

    private static BigDecimal rateOf(String externalId) {
        return (BigDecimal) TestDatabase.rows(
                        "SELECT reporting_rate FROM customer_order WHERE shop = ? AND external_id = ?",
                        Orders.SHOP,
                        externalId)
                .get(0)
                .get("reporting_rate");
    }

    /** Backends of the cluster waiting for a lock of this type. */
    private static long waiting(String lockType) {
        return TestDatabase.count("SELECT count(*) FROM pg_locks WHERE NOT granted AND locktype = ?", lockType);
    }

    /** Polls the database until the condition holds: waits for a state PostgreSQL shows, not for a time to pass. */
    private static void awaitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + PATIENCE + ": " + what);
            }
            Thread.sleep(5);
        }
    }
}
