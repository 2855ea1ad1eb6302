package org.opencdp.e2e;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.opencdp.localstack.DemoShop;
import org.opencdp.localstack.DemoUser;
import org.opencdp.localstack.Service;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Gets access tokens from the suite's realm, as a frontend script and as a service would. */
public final class Keycloak {

    public static final String FRONTEND_CLIENT = "cdp-frontend";

    private final String tokenUrl;

    public Keycloak(String realmUrl) {
        this.tokenUrl = realmUrl + "/protocol/openid-connect/token";
    }

    /** Password grant at the public frontend client (the local run's overlay allows it; the production realm not). */
    public String login(String username, String password) {
        return given().formParam("grant_type", "password")
                .formParam("client_id", FRONTEND_CLIENT)
                .formParam("username", username)
                .formParam("password", password)
                .when()
                .post(tokenUrl)
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    public String login(DemoUser user) {
        return login(user.username(), DemoUser.PASSWORD);
    }

    /**
     * Client-credentials grant of a service's confidential client, with the local secret the launcher gives Keycloak,
     * for calling {@code target}: the token carries the target's audience, as libs/service-calls asks for it.
     */
    public String serviceToken(Service account, Service target) {
        return tokenOf(clientCredentials(account.serviceName(), account.localClientSecret(), target.serviceName()));
    }

    /** The demo shop's client-credentials token for calling {@code target}. */
    public String shopToken(Service target) {
        return tokenOf(clientCredentials(DemoShop.CLIENT_ID, DemoShop.SECRET, target.serviceName()));
    }

    /** Keycloak's answer to a client-credentials request; {@code scope} may be null (no audience asked for). */
    public Response clientCredentials(String clientId, String secret, String scope) {
        RequestSpecification request = given().formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId)
                .formParam("client_secret", secret);
        if (scope != null) {
            request.formParam("scope", scope);
        }
        return request.when().post(tokenUrl);
    }

    private static String tokenOf(Response answer) {
        return answer.then().statusCode(200).extract().path("access_token");
    }

    /** The claims of an access token; the signature is the services' business, not the tests'. */
    public static JsonPath claims(String accessToken) {
        String payload = accessToken.split("\\.")[1];
        return new JsonPath(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }
}
