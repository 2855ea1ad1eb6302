package org.opencdp.publicsites;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@WithPostgres
class PublicSitesTest {

    private static final String SHOP = "https://shop.example";

    private static RequestSpecification as(String role) {
        return given().auth().oauth2(TestTokens.forRole(role)).contentType(ContentType.JSON);
    }

    private static String register(Map<String, Object> site) {
        return as("admin")
                .body(site)
                .when()
                .post("/api/v1/sites")
                .then()
                .statusCode(201)
                .extract()
                .path("siteKey");
    }

    private static Map<String, Object> site(String name, Object... more) {
        Map<String, Object> site = new HashMap<>(Map.of("name", name, "allowedOrigins", List.of(SHOP)));
        for (int i = 0; i < more.length; i += 2) {
            site.put((String) more[i], more[i + 1]);
        }
        return site;
    }

    private static RequestSpecification fromPage(String origin) {
        RequestSpecification request = given();
        return origin == null ? request : request.header("Origin", origin);
    }

    @Test
    void anAdminRegistersASiteWhosePagesThenCallThePublicEndpoints() {
        String key = as("admin")
                .body(site("Outdoor shop"))
                .when()
                .post("/api/v1/sites")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/sites/site_"))
                .body("siteKey", matchesPattern("^site_[a-z0-9]{20}$"))
                .body("allowedOrigins", equalTo(List.of(SHOP)))
                .body("requestsPerMinute", equalTo(600))
                .body("enabled", equalTo(true))
                .extract()
                .path("siteKey");
        as("admin").when().get("/api/v1/sites/" + key).then().statusCode(200).body("name", equalTo("Outdoor shop"));
        as("admin").when().get("/api/v1/sites").then().statusCode(200).body("siteKey", hasItem(key));

        fromPage(SHOP)
                .when()
                .get("/api/v1/public/sites/" + key + "/echo")
                .then()
                .statusCode(200)
                .body("site", equalTo(key))
                .header("Access-Control-Allow-Origin", SHOP)
                .header("Access-Control-Expose-Headers", "Retry-After")
                .header("Vary", containsString("Origin"));

        as("admin")
                .body(site("Outdoor shop", "allowedOrigins", List.of("https://www.shop.example:8443")))
                .when()
                .put("/api/v1/sites/" + key)
                .then()
                .statusCode(200)
                .body("allowedOrigins", equalTo(List.of("https://www.shop.example:8443")));
        fromPage(SHOP)
                .when()
                .get("/api/v1/public/sites/" + key + "/echo")
                .then()
                .statusCode(403);

        as("admin").when().delete("/api/v1/sites/" + key).then().statusCode(204);
        as("admin").when().get("/api/v1/sites/" + key).then().statusCode(404);
        fromPage("https://www.shop.example:8443")
                .when()
                .get("/api/v1/public/sites/" + key + "/echo")
                .then()
                .statusCode(404);
    }

    @Test
    void aKeyGivenOnRegistrationIsKeptSoOneWebsiteUsesOneKeyAtSeveralServices() {
        register(site("Shared key", "siteKey", "site_shared-key-1"));
        as("admin")
                .when()
                .get("/api/v1/sites/site_shared-key-1")
                .then()
                .statusCode(200)
                .body("name", equalTo("Shared key"));
        as("admin")
                .body(site("Again", "siteKey", "site_shared-key-1"))
                .when()
                .post("/api/v1/sites")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"shared", "site_", "site_UPPER", "site_a b", "site_äöü"})
    void aGivenKeyNotInTheKeyFormatIsRefusedAndNothingStored(String key) {
        long before = TestDatabase.count("SELECT count(*) FROM public_site");
        as("admin")
                .body(site("Bad key", "siteKey", key))
                .when()
                .post("/api/v1/sites")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("siteKey"));
        assertThat(TestDatabase.count("SELECT count(*) FROM public_site")).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"shop.example", "https://shop.example/", "https://shop.example/path", "*"})
    void anOriginThatIsNotSchemeHostAndPortIsRefusedAndNothingStored(String origin) {
        long before = TestDatabase.count("SELECT count(*) FROM public_site");
        as("admin")
                .body(site("Bad", "allowedOrigins", List.of(origin)))
                .when()
                .post("/api/v1/sites")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("allowedOrigins[0]"));
        assertThat(TestDatabase.count("SELECT count(*) FROM public_site")).isEqualTo(before);
    }

    @Test
    void aRateLimitOutsideItsRangeAndAChangedKeyAreRefused() {
        as("admin")
                .body(site("Zero", "requestsPerMinute", 0))
                .when()
                .post("/api/v1/sites")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("requestsPerMinute"));
        String key = register(site("Keeps its key"));
        as("admin")
                .body(site("Keeps its key", "siteKey", "site_another"))
                .when()
                .put("/api/v1/sites/" + key)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("siteKey"));
        as("admin").when().get("/api/v1/sites/site_another").then().statusCode(404);
    }

    @Test
    void onlyAdminsManageSites() {
        given().when().get("/api/v1/sites").then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body(site("x"))
                .when()
                .post("/api/v1/sites")
                .then()
                .statusCode(401);
        for (String role : List.of("sales", "marketing", "analyst", "dpo")) {
            as(role).when().get("/api/v1/sites").then().statusCode(403).contentType("application/problem+json");
            as(role).body(site("x")).when().post("/api/v1/sites").then().statusCode(403);
            as(role).when().delete("/api/v1/sites/site_demo").then().statusCode(403);
        }
    }

    @Test
    void anUnknownOrMalformedKeyIsA404ProblemAndTheEndpointDoesNotRun() {
        int before = TestPublicEndpoint.calls;
        for (String key : List.of("site_nosuchsite", "nosite", "site_UPPER")) {
            fromPage(SHOP)
                    .when()
                    .get("/api/v1/public/sites/" + key + "/echo")
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .header("Access-Control-Allow-Origin", nullValue());
        }
        assertThat(TestPublicEndpoint.calls).isEqualTo(before);
    }

    @Test
    void aMissingOrOtherOriginIsA403ProblemThePageCannotRead() {
        String key = register(site("Origins"));
        int before = TestPublicEndpoint.calls;
        for (String origin : new String[] {null, "https://evil.example", "https://shop.example:443", "null"}) {
            fromPage(origin)
                    .contentType(ContentType.JSON)
                    .body("{}")
                    .when()
                    .post("/api/v1/public/sites/" + key + "/echo")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .header("Access-Control-Allow-Origin", nullValue());
        }
        assertThat(TestPublicEndpoint.calls).isEqualTo(before);
    }

    @TestHTTPResource("/")
    URI server;

    /**
     * A page's GET to its own origin carries no Origin header (Fetch standard), e.g. a banner page served by the
     * service itself; the browser's Sec-Fetch-Site, which no script can set, says where it came from.
     */
    @Test
    void aSameOriginGetWithoutOriginCountsAsFromTheServicesOwnOrigin() {
        String own = "http://" + server.getHost() + ":" + server.getPort();
        String listed = register(site("Own page", "allowedOrigins", List.of(own)));
        String other = register(site("Shop only"));
        int before = TestPublicEndpoint.calls;

        given().header("Sec-Fetch-Site", "same-origin")
                .when()
                .get("/api/v1/public/sites/" + listed + "/echo")
                .then()
                .statusCode(200);
        assertThat(TestPublicEndpoint.calls).isEqualTo(before + 1);

        for (String fetchSite : new String[] {"cross-site", "same-site", "none"}) {
            given().header("Sec-Fetch-Site", fetchSite)
                    .when()
                    .get("/api/v1/public/sites/" + listed + "/echo")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        // The service's own origin counts only where the site lists it.
        given().header("Sec-Fetch-Site", "same-origin")
                .when()
                .get("/api/v1/public/sites/" + other + "/echo")
                .then()
                .statusCode(403);
        assertThat(TestPublicEndpoint.calls).isEqualTo(before + 1);
    }

    @Test
    void aDisabledSiteIsA403ProblemUntilEnabledAgain() {
        String key = register(site("Paused", "enabled", false));
        int before = TestPublicEndpoint.calls;
        fromPage(SHOP)
                .when()
                .get("/api/v1/public/sites/" + key + "/echo")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("disabled"))
                .header("Access-Control-Allow-Origin", SHOP);
        assertThat(TestPublicEndpoint.calls).isEqualTo(before);

        as("admin")
                .body(site("Paused", "enabled", true))
                .when()
                .put("/api/v1/sites/" + key)
                .then()
                .statusCode(200);
        fromPage(SHOP)
                .when()
                .get("/api/v1/public/sites/" + key + "/echo")
                .then()
                .statusCode(200);
    }

    @Test
    void aSiteOverItsRateLimitGets429WithRetryAfterThePageCanRead() {
        String limited = register(site("Limited", "requestsPerMinute", 2));
        String other = register(site("Other", "requestsPerMinute", 2));
        for (int i = 0; i < 2; i++) {
            fromPage(SHOP)
                    .when()
                    .get("/api/v1/public/sites/" + limited + "/echo")
                    .then()
                    .statusCode(200);
        }
        int before = TestPublicEndpoint.calls;
        String retryAfter = fromPage(SHOP)
                .when()
                .get("/api/v1/public/sites/" + limited + "/echo")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:opencdp:problem:too-many-requests"))
                .header("Access-Control-Allow-Origin", SHOP)
                .header("Access-Control-Expose-Headers", "Retry-After")
                .extract()
                .header("Retry-After");
        // 2 a minute refill one every 30 seconds.
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 30L);
        assertThat(TestPublicEndpoint.calls).isEqualTo(before);

        fromPage(SHOP)
                .when()
                .get("/api/v1/public/sites/" + other + "/echo")
                .then()
                .statusCode(200);
    }

    @Test
    void aPreflightIsAnsweredForTheSitesOriginsOnly() {
        String key = register(site("Preflight"));
        fromPage(SHOP)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .when()
                .options("/api/v1/public/sites/" + key + "/echo")
                .then()
                .statusCode(204)
                .header("Access-Control-Allow-Origin", SHOP)
                .header("Access-Control-Allow-Methods", "GET, POST")
                .header("Access-Control-Allow-Headers", "Content-Type")
                .header("Access-Control-Max-Age", "3600")
                .header("Vary", containsString("Origin"));
        fromPage("https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .when()
                .options("/api/v1/public/sites/" + key + "/echo")
                .then()
                .statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void theDemoSiteIsRegisteredAtStartForTheConfiguredOrigins() {
        as("admin")
                .when()
                .get("/api/v1/sites/site_demo")
                .then()
                .statusCode(200)
                .body("allowedOrigins", equalTo(List.of("http://localhost:8083")))
                .body("enabled", equalTo(true));
    }

    @Test
    void theSharedCorsSettingsStillApplyElsewhere() {
        given().header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "GET")
                .when()
                .options("/api/v1/sites")
                .then()
                .header("Access-Control-Allow-Origin", "http://localhost:3000");
    }
}
