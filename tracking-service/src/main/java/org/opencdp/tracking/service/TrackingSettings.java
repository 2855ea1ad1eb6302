package org.opencdp.tracking.service;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** tracking-service's own settings ({@code opencdp.tracking.*}, documented in application.properties). */
@ConfigMapping(prefix = "opencdp.tracking")
public interface TrackingSettings {

    /** How long a consent decision may be answered from memory; never more than 1 s (checked at start). */
    @WithDefault("1s")
    Duration consentCacheTtl();

    /** What a 503 tells the sender to wait when consent-service cannot decide. */
    @WithDefault("10s")
    Duration consentRetryAfter();

    /** Most events in one batch. */
    @WithDefault("100")
    int maxBatchEvents();

    /** Most bytes of one batch's body. */
    @WithDefault("65536")
    int maxBatchBytes();

    /**
     * How far an event's client time may lie ahead of the server's clock (clocks are off now and then). It also bounds
     * how far back the resend check looks (EventWriter): lowering it while events accepted under a larger value are
     * still resent may let such a resend through as new.
     */
    @WithDefault("10m")
    Duration maxClientTimeAhead();

    /** How old an event's client time may be (the tracker keeps unsent events only while a page is open). */
    @WithDefault("1d")
    Duration maxClientTimeAge();

    /** Query parameter name parts stripped from urls and referrers in addition to the built-in ones. */
    Optional<List<String>> personalQueryParameters();

    /** Months of partitions created ahead of the current one. */
    @WithDefault("2")
    int partitionsAhead();

    /**
     * How many groups of batches may be stored at the same time, each in a transaction of its own (EventWriter): the
     * batches that arrive meanwhile wait and are stored together by the next free writer.
     */
    @WithDefault("2")
    int writerTransactions();
}
