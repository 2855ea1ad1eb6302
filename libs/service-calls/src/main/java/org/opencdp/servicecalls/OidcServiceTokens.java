package org.opencdp.servicecalls;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.quarkus.arc.DefaultBean;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;

/** Client-credentials tokens from the realm (quarkus-oidc-client), cached until shortly before they expire. */
@ApplicationScoped
@DefaultBean
public class OidcServiceTokens implements ServiceTokens {

    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(10);

    // Resolved on first use: where no realm is configured (tests) there is no OidcClient bean at all.
    @Inject
    Instance<OidcClient> client;

    private volatile Tokens current;

    @Override
    public String accessToken() {
        Tokens tokens = current;
        if (tokens == null || tokens.isAccessTokenWithinRefreshInterval() || tokens.isAccessTokenExpired()) {
            tokens = refresh(tokens);
        }
        return tokens.getAccessToken();
    }

    private synchronized Tokens refresh(Tokens seen) {
        if (current != seen) {
            return current; // another thread refreshed meanwhile
        }
        current = client.get().getTokens().await().atMost(FETCH_TIMEOUT);
        return current;
    }
}
