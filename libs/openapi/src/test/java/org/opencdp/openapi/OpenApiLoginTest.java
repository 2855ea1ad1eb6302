package org.opencdp.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The Swagger UI is served outside dev mode and its login button points at the realm. That the realm is the one
 * configured at runtime, not at build time, is shown by the e2e SwaggerUiLoginTest, whose Keycloak runs on another
 * port than the build assumed.
 */
@QuarkusTest
class OpenApiLoginTest {

    @Test
    void theSwaggerUiIsServedAndLogsInAtTheConfiguredRealm() {
        String realm = ConfigProvider.getConfig().getValue("opencdp.oidc.public-url", String.class);
        given().when().get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("text/html"));
        given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("components.securitySchemes.keycloak.type", equalTo("openIdConnect"))
                .body(
                        "components.securitySchemes.keycloak.openIdConnectUrl",
                        equalTo(realm + "/.well-known/openid-configuration"))
                .body("paths.'/api/v1/me'.get.security[0]", hasKey("keycloak"));
    }
}
