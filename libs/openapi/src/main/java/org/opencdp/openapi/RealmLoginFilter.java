package org.opencdp.openapi;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Points the Swagger UI's login button at the realm this deployment names ({@code OPENCDP_OIDC_PUBLIC_URL}, the
 * URL browsers reach Keycloak at). The OpenAPI document is generated at build time, when a deployment's realm is
 * not known yet; this runs once at startup.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class RealmLoginFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSecuritySchemes() == null) {
            return;
        }
        Config config = ConfigProvider.getConfig();
        SecurityScheme scheme = openAPI.getComponents()
                .getSecuritySchemes()
                .get(config.getValue("quarkus.smallrye-openapi.security-scheme-name", String.class));
        if (scheme != null) {
            scheme.setOpenIdConnectUrl(
                    config.getValue("opencdp.oidc.public-url", String.class) + "/.well-known/openid-configuration");
        }
    }
}
