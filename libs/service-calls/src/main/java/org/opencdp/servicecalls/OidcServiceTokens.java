package org.opencdp.servicecalls;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.quarkus.arc.DefaultBean;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;

/**
 * Client-credentials tokens from the realm (quarkus-oidc-client), one per service called: each is requested with
 * the scope named like the service called, which the realm maps to that service's audience (the client may ask only
 * for the audiences of the services it calls). Cached per audience until shortly before they expire.
 */
@ApplicationScoped
@DefaultBean
public class OidcServiceTokens implements ServiceTokens {

    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(10);

    // Resolved on first use: where no realm is configured (tests) there is no OidcClient bean at all.
    @Inject
    Instance<OidcClient> client;

    private final Map<String, Tokens> current = new ConcurrentHashMap<>();

    @Override
    public String accessToken(String audience) {
        Tokens tokens = current.get(audience);
        if (tokens == null || tokens.isAccessTokenWithinRefreshInterval() || tokens.isAccessTokenExpired()) {
            tokens = refresh(audience, tokens);
        }
        return tokens.getAccessToken();
    }

    private synchronized Tokens refresh(String audience, Tokens seen) {
        Tokens now = current.get(audience);
        if (now != seen) {
            return now; // another thread refreshed meanwhile
        }
        Tokens fresh = client.get().getTokens(Map.of("scope", audience)).await().atMost(FETCH_TIMEOUT);
        current.put(audience, fresh);
        return fresh;
    }
}
