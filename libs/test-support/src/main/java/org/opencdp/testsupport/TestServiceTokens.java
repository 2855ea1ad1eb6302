package org.opencdp.testsupport;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencdp.servicecalls.ServiceTokens;

/**
 * In @QuarkusTests there is no realm to issue client-credentials tokens, so a service's own calls carry a test
 * token of its service account for the service called instead (same claims as Keycloak's). The real path through
 * Keycloak is covered by the e2e tests.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestServiceTokens implements ServiceTokens {

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @Override
    public String accessToken(String audience) {
        return TestTokens.serviceAccount(service, audience);
    }
}
