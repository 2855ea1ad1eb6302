package org.opencdp.servicecalls;

/**
 * The access token this service presents when it calls another service: its own client-credentials token from
 * the realm. Every service-to-service call (REST clients via {@link ServiceTokenFilter}, the outbox relay) gets
 * its token here, so there is one way of authenticating between services.
 */
public interface ServiceTokens {

    /** A valid access token (fetched or refreshed as needed); throws when the realm cannot issue one. */
    String accessToken();
}
