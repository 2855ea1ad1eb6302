package org.opencdp.profile.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Any;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opencdp.outbox.OutboxConfig;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.arc.Arc;
import io.quarkus.security.Authenticated;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

/**
 * The OWASP API Security Top 10 (2023), item by item, against profile-service (the service that holds the
 * identities): each nested class exercises the real control, or says why an item cannot apply. docs/security.md
 * ("OWASP API Security Top 10") links here and says what each control stops and what it does not.
 */
@QuarkusTest
@WithPostgres
class OwaspApiTop10Test {

    static final String CUSTOMERS = "/api/v1/customers";
    static final String SUBJECT_RIGHTS = "/api/v1/subject-rights";

    /**
     * A CDP has no per-user ownership of customers: the business's customer base is shared by its staff. Object
     * access is therefore decided by role (which roles may read a customer at all) and by the subject's own state
     * (a customer whose processing is restricted under GDPR Art. 18 is refused to everyone and left out of search).
     */
    @Nested
    @DisplayName("API1:2023 Broken Object Level Authorization")
    class Api1BrokenObjectLevelAuthorization {

        @Test
        void rolesWithoutCustomerAccessAreRefusedEveryObjectAndLearnNothingOfItsExistence() {
            UUID existing = createdPerson(person());
            UUID unknown = UUID.randomUUID();
            for (String role : List.of("dpo", "admin")) {
                for (UUID id : List.of(existing, unknown)) {
                    as(role).when()
                            .get(CUSTOMERS + "/" + id)
                            .then()
                            .statusCode(403)
                            .body("type", equalTo("urn:opencdp:problem:forbidden"));
                }
            }
            given().auth()
                    .oauth2(TestTokens.serviceAccount("behaviour-service"))
                    .when()
                    .get(CUSTOMERS + "/" + existing)
                    .then()
                    .statusCode(403);
        }

        @Test
        void aRestrictedSubjectIsRefusedToEveryRoleAndLeftOutOfSearch() {
            Map<String, Object> person = person();
            UUID id = createdPerson(person);
            given().auth()
                    .oauth2(TestTokens.serviceAccount("retention-service"))
                    .contentType(ContentType.JSON)
                    .body(Map.of("requestId", UUID.randomUUID().toString()))
                    .when()
                    .post(SUBJECT_RIGHTS + "/" + id + "/restriction")
                    .then()
                    .statusCode(200);

            // marketing is refused earlier still: without consent-service in these tests it is gated closed (503).
            for (String role : List.of("sales", "service")) {
                as(role).when()
                        .get(CUSTOMERS + "/" + id)
                        .then()
                        .statusCode(409)
                        .body("type", equalTo("urn:opencdp:problem:conflict"))
                        .body(not(containsString((String) person.get("givenName"))));
            }
            as("sales")
                    .queryParam("email", emailOf(person))
                    .when()
                    .get(CUSTOMERS)
                    .then()
                    .statusCode(200)
                    .body("items", emptyIterable());
        }
    }

    /** Tokens are verified by signature, issuer and expiry; a token meant for another service: see S1 (audience). */
    @Nested
    @DisplayName("API2:2023 Broken Authentication")
    class Api2BrokenAuthentication {

        @Test
        void noTokenIsRefusedWithABearerChallenge() {
            given().when()
                    .get(CUSTOMERS + "/" + UUID.randomUUID())
                    .then()
                    .statusCode(401)
                    .header("WWW-Authenticate", containsString("Bearer"))
                    .contentType("application/problem+json");
        }

        @Test
        void anExpiredTokenIsRefused() {
            given().auth()
                    .oauth2(TestTokens.expired("sales"))
                    .when()
                    .get(CUSTOMERS + "/" + UUID.randomUUID())
                    .then()
                    .statusCode(401);
        }

        @Test
        void aTokenWithATamperedPayloadIsRefused() {
            String[] parts = TestTokens.forRole("service").split("\\.");
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                    .replace("\"service\"", "\"sales\"");
            String tampered = parts[0] + "."
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                    + "." + parts[2];
            given().auth()
                    .oauth2(tampered)
                    .when()
                    .get(CUSTOMERS + "?name=x")
                    .then()
                    .statusCode(401);
        }

        @Test
        void aTokenSignedByAnotherKeyIsRefused() throws Exception {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            // Everything right but the key, so the signature alone is what refuses it.
            String forged = Jwt.claims()
                    .issuer(TestTokens.ISSUER)
                    .audience("profile-service")
                    .subject(UUID.randomUUID().toString())
                    .claim("preferred_username", "mallory")
                    .claim("realm_access", Map.of("roles", List.of("sales")))
                    .expiresIn(600)
                    .jws()
                    .keyId("opencdp-test")
                    .sign(generator.generateKeyPair().getPrivate());
            given().auth()
                    .oauth2(forged)
                    .when()
                    .get(CUSTOMERS + "?name=x")
                    .then()
                    .statusCode(401);
        }

        @Test
        void aValidTokenMeantForAnotherServiceIsRefused() {
            given().auth()
                    .oauth2(TestTokens.forRole("sales", "consent-service"))
                    .when()
                    .get(CUSTOMERS + "?name=x")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json");
        }

        @Test
        void anUnsignedTokenIsRefused() {
            String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
            String claims = b64("{\"iss\":\"" + TestTokens.ISSUER
                    + "\",\"aud\":\"profile-service\",\"sub\":\"x\",\"preferred_username\":\"mallory\","
                    + "\"realm_access\":{\"roles\":[\"sales\"]},\"exp\":" + (System.currentTimeMillis() / 1000 + 600)
                    + "}");
            given().auth()
                    .oauth2(header + "." + claims + ".")
                    .when()
                    .get(CUSTOMERS + "?name=x")
                    .then()
                    .statusCode(401);
        }

        /** Signed with the right key, but issued by another realm: the issuer is checked, not only the signature. */
        @Test
        void aTokenOfAnotherIssuerIsRefused() throws Exception {
            String pem;
            try (var in = TestTokens.class.getResourceAsStream("/test-token-signing-key.pem")) {
                pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            }
            String otherRealm = Jwt.claims()
                    .issuer("https://login.attacker.example/realms/cdp")
                    .subject(UUID.randomUUID().toString())
                    .claim("preferred_username", "mallory")
                    .claim("realm_access", Map.of("roles", List.of("sales")))
                    .expiresIn(600)
                    .jws()
                    .keyId("opencdp-test")
                    .sign(KeyUtils.decodePrivateKey(pem));
            given().auth()
                    .oauth2(otherRealm)
                    .when()
                    .get(CUSTOMERS + "?name=x")
                    .then()
                    .statusCode(401);
        }
    }

    /** What a role may see and write of a customer is decided field by field, in both directions. */
    @Nested
    @DisplayName("API3:2023 Broken Object Property Level Authorization")
    class Api3BrokenObjectPropertyLevelAuthorization {

        @Test
        void massAssignmentOfServerOwnedFieldsIsRefusedAndNothingIsStored() {
            long before = TestDatabase.count("SELECT count(*) FROM customer");
            for (String field : List.of("id", "version", "createdAt", "updatedAt", "keyId")) {
                Map<String, Object> person = person();
                person.put(
                        field, field.equals("version") ? 7 : UUID.randomUUID().toString());
                as("sales")
                        .body(person)
                        .when()
                        .post(CUSTOMERS)
                        .then()
                        .statusCode(400)
                        .body("errors[0].field", equalTo(field));
            }
            assertThat(TestDatabase.count("SELECT count(*) FROM customer")).isEqualTo(before);
        }

        @Test
        void eachRoleSeesOnlyTheFieldsItsWorkNeeds() {
            Map<String, Object> person = person();
            UUID id = createdPerson(person);
            // marketing with a consent (everything but payment data) is checked in e2e/ against consent-service;
            // here consent-service does not answer, and marketing sees nothing at all.
            as("marketing")
                    .when()
                    .get(CUSTOMERS + "/" + id)
                    .then()
                    .statusCode(503)
                    .body(not(containsString("4242")));
            as("service")
                    .when()
                    .get(CUSTOMERS + "/" + id)
                    .then()
                    .statusCode(200)
                    .body("emails[0].address", equalTo(emailOf(person)))
                    .body("birthDate", nullValue())
                    .body("interests", nullValue())
                    .body("preferredPaymentMethod", nullValue());
            as("sales")
                    .when()
                    .get(CUSTOMERS + "/" + id)
                    .then()
                    .statusCode(200)
                    .body("preferredPaymentMethod.maskedReference", equalTo("**** **** **** 4242"));
        }
    }

    @Nested
    @DisplayName("API4:2023 Unrestricted Resource Consumption")
    class Api4UnrestrictedResourceConsumption {

        @Test
        void aBodyOverTheLimitIsRefusedBeforeItIsRead() {
            String big = "{\"type\":\"PERSON\",\"givenName\":\"" + "x".repeat(300 * 1024) + "\"}";
            // The client announces the body and waits (Expect: 100-continue), so the refusal arrives before any of
            // it is sent; a client that writes on would race the server closing the connection (a broken pipe).
            as("sales")
                    .config(RestAssured.config()
                            .httpClient(HttpClientConfig.httpClientConfig()
                                    .setParam("http.protocol.expect-continue", true)))
                    .body(big)
                    .when()
                    .post(CUSTOMERS)
                    .then()
                    .statusCode(413)
                    .contentType("application/problem+json");
        }

        @Test
        void pagesAndBatchesAreCapped() {
            as("sales")
                    .queryParam("name", "x")
                    .queryParam("limit", "101")
                    .when()
                    .get(CUSTOMERS)
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("limit"));
            List<Map<String, Object>> customers = new ArrayList<>();
            for (int i = 0; i < 101; i++) {
                customers.add(Map.of("type", "PERSON", "givenName", "Batch", "familyName", "Limit" + i));
            }
            as("sales")
                    .body(Map.of("customers", customers))
                    .when()
                    .post(CUSTOMERS + "/batch")
                    .then()
                    .statusCode(400);
        }

        @Test
        void searchTermsAreBounded() {
            as("sales")
                    .queryParam("name", "x".repeat(201))
                    .when()
                    .get(CUSTOMERS)
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("name"));
        }

        /** The number of calls per caller is bounded by the bulk-read guard: see API6. */
        @Test
        void callsPerCallerAreBoundedAsInApi6() {
            assertThat(config().getValue("opencdp.bulk-read.limits.search.capacity", Long.class))
                    .isBetween(1L, 1000L);
        }
    }

    @Nested
    @DisplayName("API5:2023 Broken Function Level Authorization")
    class Api5BrokenFunctionLevelAuthorization {

        @Test
        void onlySalesMayWriteCustomers() {
            UUID id = createdPerson(person());
            for (String role : List.of("service", "marketing", "analyst", "dpo", "admin")) {
                as(role).body(person()).when().post(CUSTOMERS).then().statusCode(403);
                as(role).header("If-Match", "\"0\"")
                        .when()
                        .delete(CUSTOMERS + "/" + id)
                        .then()
                        .statusCode(403);
            }
            as("sales").when().get(CUSTOMERS + "/" + id).then().statusCode(200);
        }

        @Test
        void subjectRightsAreForRetentionServiceOnlyNeverForAPersonOrAnotherService() {
            UUID id = createdPerson(person());
            Map<String, String> request = Map.of("requestId", UUID.randomUUID().toString());
            for (String token : List.of(
                    TestTokens.forRole("sales"),
                    TestTokens.forRole("dpo"),
                    TestTokens.forRole("admin"),
                    TestTokens.serviceAccount("behaviour-service"),
                    TestTokens.serviceAccount("consent-service"))) {
                given().auth()
                        .oauth2(token)
                        .when()
                        .get(SUBJECT_RIGHTS + "/" + id)
                        .then()
                        .statusCode(403);
                given().auth()
                        .oauth2(token)
                        .contentType(ContentType.JSON)
                        .body(request)
                        .when()
                        .post(SUBJECT_RIGHTS + "/" + id + "/erasure")
                        .then()
                        .statusCode(403);
            }
            as("sales").when().get(CUSTOMERS + "/" + id).then().statusCode(200);
        }

        @Test
        void theAuditTrailIsForTheDpoOnly() {
            UUID id = createdPerson(person());
            for (String role : List.of("sales", "service", "marketing", "analyst", "admin")) {
                as(role).when().get("/api/v1/audit/subjects/" + id).then().statusCode(403);
            }
            as("dpo").when().get("/api/v1/audit/subjects/" + id).then().statusCode(200);
        }
    }

    /**
     * The sensitive flow of a CDP is reading its customer base in bulk. Search is limited per caller (Bucket4j,
     * libs/rate-limits); the subject-rights export too (SubjectExportLimitTest, in its own application instance
     * because it uses up retention-service's allowance).
     */
    @Nested
    @DisplayName("API6:2023 Unrestricted Access to Sensitive Business Flows")
    class Api6UnrestrictedAccessToSensitiveBusinessFlows {

        /**
         * Greedy refill gives a caller back capacity/period calls a second while it pages (5 a second by default), so
         * the first refusal comes after at least the capacity and at most what was refilled meanwhile. Four callers in
         * parallel page as a script would.
         */
        @Test
        void pagingThroughTheCustomerBaseIsStoppedWith429AndRetryAfterWhileColleaguesGoOn() throws Exception {
            long capacity = config().getValue("opencdp.bulk-read.limits.search.capacity", Long.class);
            double refillPerSecond = capacity
                    / (double) config().getValue("opencdp.bulk-read.limits.search.period", java.time.Duration.class)
                            .toSeconds();
            String pager = TestTokens.user("api6.pager", "sales");
            AtomicLong admitted = new AtomicLong();
            AtomicReference<io.restassured.response.Response> refusal = new AtomicReference<>();
            long start = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> pagers = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    pagers.add(pool.submit(() -> {
                        for (long page = 0; refusal.get() == null && page < capacity * 2; page++) {
                            var response = given().auth()
                                    .oauth2(pager)
                                    .queryParam("email", "nobody-" + page + "@example.org")
                                    .when()
                                    .get(CUSTOMERS);
                            if (response.statusCode() == 429) {
                                refusal.compareAndSet(null, response);
                            } else {
                                assertThat(response.statusCode()).isEqualTo(200);
                                admitted.incrementAndGet();
                            }
                        }
                    }));
                }
                for (Future<?> f : pagers) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(refusal.get()).as("a 429 before twice the capacity").isNotNull();
            assertThat(admitted.get()).isBetween(capacity, capacity + (long) Math.ceil(seconds * refillPerSecond) + 4);
            refusal.get()
                    .then()
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("type", equalTo("urn:opencdp:problem:too-many-requests"));

            given().auth()
                    .oauth2(TestTokens.user("api6.colleague", "sales"))
                    .queryParam("email", "x@example.org")
                    .when()
                    .get(CUSTOMERS)
                    .then()
                    .statusCode(200);
        }
    }

    /**
     * No endpoint of profile-service fetches a URL a caller supplies: no request field or parameter is a URL, and
     * the only outgoing calls (the outbox relay, libs/service-calls) go to addresses from configuration.
     */
    @Nested
    @DisplayName("API7:2023 Server Side Request Forgery")
    class Api7ServerSideRequestForgery {

        private static final Pattern URL_LIKE =
                Pattern.compile("(?i).*(url|uri|href|link|callback|webhook|endpoint).*");

        @Test
        void noRequestParameterOrBodyFieldTakesAUrl() {
            JsonPath openapi = openApi();
            Map<String, Map<String, Object>> paths = openapi.getMap("paths");
            List<String> inputs = new ArrayList<>();
            paths.forEach((path, operations) -> operations.forEach((verb, operation) -> {
                Map<String, Object> op = cast(operation);
                for (Object parameter : op.get("parameters") == null ? List.of() : (List<?>) op.get("parameters")) {
                    inputs.add(verb + " " + path + " ?" + cast(parameter).get("name"));
                }
                Map<String, Object> body = op.get("requestBody") == null ? Map.of() : cast(op.get("requestBody"));
                if (body.get("content") != null) {
                    cast(body.get("content"))
                            .values()
                            .forEach(media -> collectFields(
                                    openapi,
                                    cast(cast(media).get("schema")),
                                    verb + " " + path + " body",
                                    inputs,
                                    new TreeSet<>()));
                }
            }));
            assertThat(inputs).isNotEmpty().anyMatch(i -> i.endsWith(".emails[].address"));
            assertThat(inputs)
                    .noneMatch(i -> URL_LIKE.matcher(i.substring(i.lastIndexOf(' ') + 1))
                            .matches());
            assertThat(inputs).noneMatch(i -> i.contains("format=uri") || i.contains("format=url"));
        }

        /** Adds "where.field" for every field of a request schema, following $refs, arrays and compositions. */
        private static void collectFields(
                JsonPath openapi, Map<String, Object> schema, String where, List<String> out, Set<String> seen) {
            if (schema == null) {
                return;
            }
            if (schema.get("$ref") != null) {
                String name = String.valueOf(schema.get("$ref")).replace("#/components/schemas/", "");
                if (seen.add(name)) {
                    collectFields(openapi, openapi.getMap("components.schemas.'" + name + "'"), where, out, seen);
                }
                return;
            }
            if (schema.get("format") != null) {
                out.add(where + " format=" + schema.get("format"));
            }
            for (String composition : List.of("allOf", "oneOf", "anyOf")) {
                if (schema.get(composition) != null) {
                    ((List<?>) schema.get(composition))
                            .forEach(part -> collectFields(openapi, cast(part), where, out, seen));
                }
            }
            if (schema.get("items") != null) {
                collectFields(openapi, cast(schema.get("items")), where + "[]", out, seen);
            }
            if (schema.get("properties") != null) {
                cast(schema.get("properties")).forEach((field, spec) -> {
                    out.add(where + "." + field);
                    collectFields(openapi, cast(spec), where + "." + field, out, new TreeSet<>(seen));
                });
            }
        }

        @Test
        void eventsGoOnlyToAddressesFromConfiguration() {
            Set<String> configured = new TreeSet<>();
            for (String service : List.of("profile", "behaviour", "tracking", "consent", "retention")) {
                configured.add(config().getValue("opencdp.services." + service + ".url", String.class));
            }
            OutboxConfig outbox = config().unwrap(SmallRyeConfig.class).getConfigMapping(OutboxConfig.class);
            assertThat(outbox.subscribers()).isNotEmpty();
            outbox.subscribers()
                    .forEach((name, subscriber) -> assertThat(configured)
                            .as("subscriber " + name)
                            .anyMatch(base -> subscriber.url().startsWith(base + "/")));
        }
    }

    @Nested
    @DisplayName("API8:2023 Security Misconfiguration")
    class Api8SecurityMisconfiguration {

        @Test
        void errorsRevealNoStackTraceAndNoSubmittedValue() {
            String body = as("sales")
                    .body("{\"type\":\"PERSON\",\"givenName\":\"Secret-Name-42\",")
                    .when()
                    .post(CUSTOMERS)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .extract()
                    .asString();
            assertThat(body).doesNotContain("Exception", "at org.", "at com.", "jackson", "Secret-Name-42");
        }

        @Test
        void responsesCarryTheSecurityHeaders() {
            as("sales")
                    .queryParam("name", "x")
                    .when()
                    .get(CUSTOMERS)
                    .then()
                    .statusCode(200)
                    .header("Cache-Control", "no-store")
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY");
        }

        @Test
        void corsAdmitsOnlyConfiguredOriginsNeverEveryone() {
            assertThat(config().getValue("quarkus.http.cors.origins", String.class))
                    .doesNotContain("*");
            given().header("Origin", "https://evil.example")
                    .header("Access-Control-Request-Method", "GET")
                    .when()
                    .options(CUSTOMERS)
                    .then()
                    .header("Access-Control-Allow-Origin", not(equalTo("*")))
                    .header("Access-Control-Allow-Origin", not(equalTo("https://evil.example")));
            String allowed =
                    config().getValue("quarkus.http.cors.origins", String.class).split(",")[0];
            given().header("Origin", allowed)
                    .header("Access-Control-Request-Method", "GET")
                    .when()
                    .options(CUSTOMERS)
                    .then()
                    .header("Access-Control-Allow-Origin", equalTo(allowed));
        }

        /** Operators' endpoints are on the management port; the Swagger UI is off in production (helm TransportSecurityTest). */
        @Test
        void metricsAndHealthAreNotOnTheApiPort() {
            given().when().get("/q/metrics").then().statusCode(404);
            given().when().get("/q/health").then().statusCode(404);
        }
    }

    /**
     * Every endpoint is in the OpenAPI document, names a role rule, and is closed without a token; an endpoint
     * without an annotation is closed by configuration (deny-unannotated). The service runs one API version (v1).
     */
    @Nested
    @DisplayName("API9:2023 Improper Inventory Management")
    class Api9ImproperInventoryManagement {

        @Test
        void everyEndpointIsDocumentedAndNamesItsRoleRule() {
            Set<String> implemented = new TreeSet<>();
            List<String> withoutRule = new ArrayList<>();
            for (var bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
                Class<?> type = bean.getBeanClass();
                String base = classPath(type);
                if (base == null || !type.getName().startsWith("org.opencdp.")) {
                    continue;
                }
                for (Method method : type.getMethods()) {
                    String verb = httpMethod(type, method);
                    if (verb == null) {
                        continue;
                    }
                    String path = normalise(base + methodPath(type, method));
                    implemented.add(verb + " " + path);
                    if (!hasRoleRule(type, method)) {
                        withoutRule.add(verb + " " + path);
                    }
                }
            }
            Set<String> documented = new TreeSet<>();
            Map<String, Map<String, Object>> paths = openApi().getMap("paths");
            paths.forEach((path, operations) ->
                    operations.keySet().forEach(verb -> documented.add(verb.toUpperCase() + " " + normalise(path))));

            assertThat(implemented)
                    .isNotEmpty()
                    .contains("GET /api/v1/customers", "POST /api/v1/subject-rights/{subjectId}/erasure");
            assertThat(documented).isEqualTo(implemented);
            assertThat(withoutRule).isEmpty();
            assertThat(config().getValue("quarkus.security.jaxrs.deny-unannotated-endpoints", Boolean.class))
                    .isTrue();
        }

        @Test
        void everyDocumentedOperationIsClosedWithoutAToken() {
            Map<String, Map<String, Object>> paths = openApi().getMap("paths");
            paths.forEach((path, operations) -> operations.forEach((verb, operation) -> {
                String concrete = path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                // In the operation's own media type (a sipgate push is form-encoded), else JSON.
                given().contentType(requestMediaType(operation))
                        .when()
                        .request(verb.toUpperCase(), concrete)
                        .then()
                        .statusCode(401);
            }));
        }

        @SuppressWarnings("unchecked")
        private static String requestMediaType(Object operation) {
            Object body = operation instanceof Map<?, ?> map ? map.get("requestBody") : null;
            Object content = body instanceof Map<?, ?> map ? map.get("content") : null;
            return content instanceof Map<?, ?> types && !types.isEmpty()
                    ? ((Map<String, Object>) types).keySet().iterator().next()
                    : ContentType.JSON.toString();
        }
    }

    /**
     * profile-service consumes no other API's data: it has no event endpoint, and the only answers of other services it reads are the 360° view's parts (see CustomerView360Test for non-JSON answers). What it accepts
     * from another service is retention-service's subject-rights requests, validated like any input. Where events
     * are received (behaviour-service's /api/v1/events/profile), ProfileEventsResourceTest there checks that only
     * profile-service may deliver, a malformed batch is a 400 and a version it cannot read a 422, applying nothing.
     */
    @Nested
    @DisplayName("API10:2023 Unsafe Consumption of APIs")
    class Api10UnsafeConsumptionOfApis {

        @Test
        void profileServiceReceivesNoEvents() {
            Map<String, Object> paths = openApi().getMap("paths");
            assertThat(paths.keySet()).noneMatch(path -> path.contains("/events"));
        }

        @Test
        void whatRetentionServiceSendsIsValidatedLikeAnyInput() {
            RequestSpecification retention = given().auth()
                    .oauth2(TestTokens.serviceAccount("retention-service"))
                    .contentType(ContentType.JSON);
            retention
                    .when()
                    .get(SUBJECT_RIGHTS + "/not-a-uuid")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("subjectId"));
            given().auth()
                    .oauth2(TestTokens.serviceAccount("retention-service"))
                    .contentType(ContentType.JSON)
                    .body("{\"requestId\":\"" + UUID.randomUUID() + "\",\"scope\":\"everything\"}")
                    .when()
                    .post(SUBJECT_RIGHTS + "/" + UUID.randomUUID() + "/erasure")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("scope"));
            given().auth()
                    .oauth2(TestTokens.serviceAccount("retention-service"))
                    .contentType(ContentType.JSON)
                    .body("{}")
                    .when()
                    .post(SUBJECT_RIGHTS + "/" + UUID.randomUUID() + "/erasure")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", containsString("requestId"));
        }
    }

    // --- helpers
    // ------------------------------------------------------------------------------------------------------

    static RequestSpecification as(String role) {
        return given().auth().oauth2(TestTokens.forRole(role)).contentType(ContentType.JSON);
    }

    static Map<String, Object> person() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> person = new HashMap<>();
        person.put("type", "PERSON");
        person.put("givenName", "Owasp" + unique);
        person.put("familyName", "Probe");
        person.put("birthDate", "1990-02-03");
        person.put("interests", List.of("security"));
        person.put("emails", List.of(Map.of("address", "owasp-" + unique + "@example.de")));
        person.put("preferredPaymentMethod", Map.of("type", "CREDIT_CARD", "maskedReference", "**** **** **** 4242"));
        return person;
    }

    static UUID createdPerson(Map<String, Object> person) {
        return UUID.fromString(as("sales")
                .body(person)
                .when()
                .post(CUSTOMERS)
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
    }

    @SuppressWarnings("unchecked")
    static String emailOf(Map<String, Object> person) {
        return (String)
                ((List<Map<String, Object>>) person.get("emails")).get(0).get("address");
    }

    static JsonPath openApi() {
        return given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static Config config() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig();
    }

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object map) {
        return (Map<String, Object>) map;
    }

    /** The JAX-RS path of a resource class, declared on it or on an interface it implements (SubjectRightsApi). */
    private static String classPath(Class<?> type) {
        if (type.isAnnotationPresent(Path.class)) {
            return type.getAnnotation(Path.class).value();
        }
        for (Class<?> api : type.getInterfaces()) {
            if (api.isAnnotationPresent(Path.class)) {
                return api.getAnnotation(Path.class).value();
            }
        }
        return null;
    }

    private static String httpMethod(Class<?> type, Method method) {
        for (Method candidate : declarations(type, method)) {
            for (var verb : List.of(GET.class, POST.class, PUT.class, PATCH.class, DELETE.class)) {
                if (candidate.isAnnotationPresent(verb)) {
                    return verb.getSimpleName();
                }
            }
        }
        return null;
    }

    private static String methodPath(Class<?> type, Method method) {
        for (Method candidate : declarations(type, method)) {
            if (candidate.isAnnotationPresent(Path.class)) {
                return "/" + candidate.getAnnotation(Path.class).value();
            }
        }
        return "";
    }

    /** Quarkus reads role annotations on the implementation (method or class), not on interfaces. */
    private static boolean hasRoleRule(Class<?> type, Method method) {
        try {
            Method implementation = type.getMethod(method.getName(), method.getParameterTypes());
            for (var rule : List.of(RolesAllowed.class, PermitAll.class, DenyAll.class, Authenticated.class)) {
                if (implementation.isAnnotationPresent(rule) || type.isAnnotationPresent(rule)) {
                    return true;
                }
            }
            return false;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Method> declarations(Class<?> type, Method method) {
        List<Method> declarations = new ArrayList<>(List.of(method));
        for (Class<?> api : type.getInterfaces()) {
            try {
                declarations.add(api.getMethod(method.getName(), method.getParameterTypes()));
            } catch (NoSuchMethodException e) {
                // not declared there
            }
        }
        return declarations;
    }

    private static String normalise(String path) {
        String single = path.replaceAll("/+", "/");
        return single.length() > 1 && single.endsWith("/") ? single.substring(0, single.length() - 1) : single;
    }
}
