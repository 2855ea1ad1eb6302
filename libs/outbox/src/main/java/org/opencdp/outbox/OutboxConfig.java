package org.opencdp.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Who receives which events, and how the relay and the housekeeping behave. Every key can be set as an
 * environment variable, e.g. {@code OPENCDP_OUTBOX_SUBSCRIBERS_BEHAVIOUR_URL}.
 */
@ConfigMapping(prefix = "opencdp.outbox")
public interface OutboxConfig {

    /**
     * Receivers by name. The name is stored with each delivery, so renaming a subscriber strands its pending
     * deliveries. Keep names lower-case letters only, so their environment variables are unambiguous.
     */
    Map<String, Subscriber> subscribers();

    /** How often the relay looks for due deliveries. */
    @WithDefault("2s")
    Duration relayInterval();

    /** Events per request to a subscriber. */
    @WithDefault("100")
    int batchSize();

    /** Connect and read timeout of one request to a subscriber. */
    @WithDefault("5s")
    Duration requestTimeout();

    /** Wait after the first failed attempt; it doubles with each further failure up to {@link #maxBackoff()}. */
    @WithDefault("1s")
    Duration initialBackoff();

    @WithDefault("5m")
    Duration maxBackoff();

    /**
     * How many times a subscriber may refuse an event (HTTP 4xx other than 401, 403, 408 and 429: the event
     * itself is the problem) before it is parked: no longer tried until an operator replays it. The later events
     * of the same subject wait behind a parked one; other subjects' events flow on.
     */
    @WithDefault("5")
    int parkAfterRejections();

    /** How long delivered events are kept. Payloads may hold personal data, so they must not linger. */
    @WithDefault("P7D")
    Duration keepDelivered();

    /**
     * How long a receiver remembers event ids it has handled. It must by far exceed the time a producer may take
     * to redeliver an event it already sent (its max-backoff plus one request), see {@link Inbox}.
     */
    @WithDefault("P30D")
    Duration keepReceived();

    /** How often delivered events and old inbox entries are deleted. */
    @WithDefault("1h")
    Duration housekeepingInterval();

    interface Subscriber {

        /** The receiver's endpoint, which accepts a POSTed JSON array of {@link EventEnvelope}s. */
        String url();

        /** The event types it receives, e.g. {@code profile.changed,customer.deleted}. */
        List<String> eventTypes();

        /**
         * The audience of the subscriber's tokens (the client id of the receiving service), for which the relay asks
         * the realm for its token. Default: the subscriber's name followed by {@code -service}, e.g. behaviour-service
         * ({@code ServiceTokens.audienceOf}).
         */
        Optional<String> audience();
    }
}
