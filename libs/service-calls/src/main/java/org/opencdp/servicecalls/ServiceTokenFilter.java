package org.opencdp.servicecalls;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/** Puts this service's token for one target service on every call {@link ServiceClients} makes to that service. */
final class ServiceTokenFilter implements ClientRequestFilter {

    private final ServiceTokens tokens;
    private final String audience;

    ServiceTokenFilter(ServiceTokens tokens, String audience) {
        this.tokens = tokens;
        this.audience = audience;
    }

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.accessToken(audience));
    }
}
