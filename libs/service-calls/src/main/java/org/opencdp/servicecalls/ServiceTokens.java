package org.opencdp.servicecalls;

/**
 * The access token this service presents when it calls another service: its own client-credentials token from
 * the realm, meant for the service it calls. Every service accepts only tokens carrying its own client id in
 * {@code aud}, so the token is asked for per target. Every service-to-service call (REST clients via
 * {@link ServiceTokenFilter}, the outbox relay) gets its token here, so there is one way of authenticating between
 * services.
 */
public interface ServiceTokens {

    /**
     * A valid access token for {@code audience}, the client id of the service called (e.g. {@code behaviour-service}),
     * fetched or refreshed as needed; throws when the realm cannot issue one (also when this service's client may not
     * ask for that audience).
     */
    String accessToken(String audience);

    /**
     * The audience of a service's tokens, its client id in the realm: {@code behaviour-service} for "behaviour"
     * (the name in {@code opencdp.services.<name>.url}).
     */
    static String audienceOf(String service) {
        return service + "-service";
    }
}
