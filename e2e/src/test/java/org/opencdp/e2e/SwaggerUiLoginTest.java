package org.opencdp.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opencdp.localstack.DemoUser;
import org.opencdp.localstack.Service;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The Swagger UI's "Authorize" button, step by step as the browser takes it: each service serves its Swagger UI
 * (outside dev mode too), its OpenAPI document points at the realm, Keycloak's login page accepts a demo login
 * for the public client with PKCE and redirects back to the Swagger UI with a code, and the token that code buys
 * is accepted by the service.
 */
@WithLocalSuite
class SwaggerUiLoginTest {

    private static final Pattern FORM_ACTION =
            Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("[?&#]code=([^&]+)");

    private static E2eSuite suite;

    @BeforeAll
    static void connect(E2eSuite started) {
        suite = started;
    }

    @ParameterizedTest(name = "the Swagger UI of {0} logs in at Keycloak and calls the service as sales")
    @EnumSource(Service.class)
    void swaggerUiLogsInWithTheAuthorizationCodeFlowAndPkce(Service service) {
        String base = suite.url(service);
        String redirectUri = base + "/q/swagger-ui/oauth2-redirect.html";
        given().when().get(base + "/q/swagger-ui/").then().statusCode(200).contentType(containsString("text/html"));
        given().when().get(redirectUri).then().statusCode(200);

        String discoveryUrl = given().queryParam("format", "json")
                .when()
                .get(base + "/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .path("components.securitySchemes.keycloak.openIdConnectUrl");
        JsonPath discovery = given().when()
                .get(discoveryUrl)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        String verifier = randomVerifier();
        Response loginPage = given().redirects()
                .follow(false)
                .queryParam("client_id", Keycloak.FRONTEND_CLIENT)
                .queryParam("redirect_uri", redirectUri)
                .queryParam("response_type", "code")
                .queryParam("scope", "openid")
                .queryParam("state", "swagger-ui-state")
                .queryParam("code_challenge", challengeOf(verifier))
                .queryParam("code_challenge_method", "S256")
                .when()
                .get(discovery.getString("authorization_endpoint"));
        assertThat(loginPage.statusCode()).as("Keycloak's login page").isEqualTo(200);
        Matcher action = FORM_ACTION.matcher(loginPage.asString());
        assertThat(action.find()).as("a login form on Keycloak's page").isTrue();

        Response afterLogin = given().redirects()
                .follow(false)
                .cookies(loginPage.getCookies())
                .formParam("username", DemoUser.SALES.username())
                .formParam("password", DemoUser.PASSWORD)
                .when()
                .post(action.group(1).replace("&amp;", "&"));
        assertThat(afterLogin.statusCode())
                .as("redirect back to the Swagger UI after the login")
                .isEqualTo(302);
        String location = afterLogin.getHeader("Location");
        assertThat(location).startsWith(redirectUri).contains("state=swagger-ui-state");
        Matcher code = CODE.matcher(location);
        assertThat(code.find()).as("an authorization code in %s", location).isTrue();

        String accessToken = given().formParam("grant_type", "authorization_code")
                .formParam("client_id", Keycloak.FRONTEND_CLIENT)
                .formParam("code", URLDecoder.decode(code.group(1), StandardCharsets.UTF_8))
                .formParam("redirect_uri", redirectUri)
                .formParam("code_verifier", verifier)
                .when()
                .post(discovery.getString("token_endpoint"))
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");

        JsonPath me = given().auth()
                .oauth2(accessToken)
                .when()
                .get(base + "/api/v1/me")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(me.getString("name")).isEqualTo(DemoUser.SALES.username());
        assertThat(me.getList("roles", String.class)).containsExactly(DemoUser.SALES.role());
    }

    private static String randomVerifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
