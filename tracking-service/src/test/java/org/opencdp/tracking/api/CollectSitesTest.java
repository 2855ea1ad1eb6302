package org.opencdp.tracking.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The collect endpoint behind libs/public-sites (whose own tests cover the door in full): sites registered through
 * tracking-service's admin endpoints, their origins, the enabled flag and the per-site rate limit; and the migration
 * that carried the service's own site table over.
 */
@QuarkusTest
@WithPostgres
class CollectSitesTest {

    private static final String SHOP = "https://shop.example";
    private static final String EMPTY_BATCH = "{\"events\":[]}";

    private static String register(Object... fields) {
        Map<String, Object> site = new HashMap<>(Map.of("name", "Outdoor shop", "allowedOrigins", List.of(SHOP)));
        for (int i = 0; i < fields.length; i += 2) {
            site.put((String) fields[i], fields[i + 1]);
        }
        return given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body(site)
                .when()
                .post("/api/v1/sites")
                .then()
                .statusCode(201)
                .extract()
                .path("siteKey");
    }

    private static ValidatableResponse collect(String siteKey, String origin) {
        var request = given().contentType("text/plain;charset=UTF-8").body(EMPTY_BATCH);
        if (origin != null) {
            request.header("Origin", origin);
        }
        return request.when().post("/api/v1/collect/" + siteKey).then();
    }

    @Test
    void aRegisteredSitesPagesSendBatchesAndOtherOriginsOrNoneAreRefused() {
        String key = register();
        collect(key, SHOP).statusCode(200).header("Access-Control-Allow-Origin", SHOP);
        collect(key, "https://evil.example").statusCode(403).header("Access-Control-Allow-Origin", nullValue());
        collect(key, null).statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aDisabledSiteIsRefusedWithAProblemThePageCanRead() {
        String key = register("enabled", false);
        collect(key, SHOP)
                .statusCode(403)
                .contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", SHOP);
    }

    @Test
    void aSiteOverItsRateLimitGets429WithRetryAfterAndNothingIsStored() {
        String key = register("requestsPerMinute", 1);
        collect(key, SHOP).statusCode(200);
        long stored = TestDatabase.count("SELECT count(*) FROM tracked_event WHERE site_key = ?", key);
        collect(key, SHOP)
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .header("Access-Control-Allow-Origin", SHOP)
                .header("Access-Control-Expose-Headers", "Retry-After");
        assertThat(TestDatabase.count("SELECT count(*) FROM tracked_event WHERE site_key = ?", key))
                .isEqualTo(stored);
        // Other sites keep their own allowance.
        collect("site_demo", Batches.DEMO_ORIGIN).statusCode(200);
    }

    @Test
    void theDemoSiteIsRegisteredForTheDemoPagesOrigin() {
        given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .when()
                .get("/api/v1/sites/site_demo")
                .then()
                .statusCode(200)
                .body("allowedOrigins", equalTo(List.of(Batches.DEMO_ORIGIN)))
                .body("requestsPerMinute", equalTo(30000));
    }

    @Test
    void onlyAdminsManageSites() {
        given().when().get("/api/v1/sites").then().statusCode(401).contentType("application/problem+json");
        for (String role : List.of("sales", "marketing", "analyst", "dpo")) {
            given().auth()
                    .oauth2(TestTokens.forRole(role))
                    .when()
                    .get("/api/v1/sites")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
    }

    /**
     * The migration that moved the sites to public_site, run against a site table of the earlier release (a
     * temporary table of that shape, in a transaction rolled back at the end): every row arrives with its key, name,
     * origins and time, enabled, with the tracker's default limit; the old table is gone.
     */
    @Test
    void theMigrationCarriesTheServicesOwnSitesOver() throws Exception {
        String migration;
        try (InputStream in =
                getClass().getResourceAsStream("/db/migration/V2026.11.26.1300__site_to_public_site.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = TestDatabase.AS_APPLICATION.connect();
                Statement statement = c.createStatement()) {
            c.setAutoCommit(false);
            statement.execute("CREATE TEMPORARY TABLE site (site_key text PRIMARY KEY, name text NOT NULL, "
                    + "allowed_origins text[] NOT NULL, created_at timestamptz NOT NULL)");
            statement.execute("INSERT INTO site VALUES ('site_earlier_release', 'Earlier shop', "
                    + "ARRAY['https://earlier.example', 'http://localhost:9000'], '2026-11-20T10:00:00Z')");
            statement.execute(migration);
            try (ResultSet row = statement.executeQuery("SELECT name, allowed_origins, requests_per_minute, enabled, "
                    + "created_at = '2026-11-20T10:00:00Z' FROM public_site WHERE site_key = 'site_earlier_release'")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("Earlier shop");
                assertThat((String[]) row.getArray(2).getArray())
                        .containsExactly("https://earlier.example", "http://localhost:9000");
                assertThat(row.getInt(3)).isEqualTo(30000);
                assertThat(row.getBoolean(4)).isTrue();
                assertThat(row.getBoolean(5)).isTrue();
            }
            try (ResultSet gone = statement.executeQuery("SELECT to_regclass('pg_temp.site') IS NULL")) {
                gone.next();
                assertThat(gone.getBoolean(1)).isTrue();
            }
            c.rollback();
        }
    }
}
