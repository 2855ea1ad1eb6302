package org.opencdp.servicekit;

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

    static final String SECURITY_SCHEME = "keycloak";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSecuritySchemes() == null) {
            return;
        }
        SecurityScheme scheme = openAPI.getComponents().getSecuritySchemes().get(SECURITY_SCHEME);
        if (scheme != null) {
            String realm = ConfigProvider.getConfig().getValue("opencdp.oidc.public-url", String.class);
            scheme.setOpenIdConnectUrl(realm + "/.well-known/openid-configuration");
        }
    }
}
