package org.opencdp.profile.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One communication with a customer. What it was about (summary), who handled it (agent) and the other system's
 * reference are encrypted with the customer's key; channel, direction and times are in clear so that the timeline
 * can be paged and filtered without decrypting it. No foreign key to the customer: a business letter outlives an
 * erasure of its customer under a legal hold.
 */
public class TimelineEntry {

    public UUID id;

    public UUID subjectId;

    public TimelineChannel channel;

    public TimelineDirection direction;

    public Instant occurredAt;

    public Integer durationSeconds;

    /** The encrypted agent (a person's login name or an integration's name). */
    public byte[] encryptedAgent;

    /** The encrypted summary; null when the writer sent none (e.g. a call event). */
    public byte[] encryptedSummary;

    /** Who wrote the entry: the client id of an integration or the login name of an agent. */
    public String source;

    public byte[] encryptedExternalReference;

    /** Keyed hash of source and external reference: the other system's idempotency key, without its value. */
    public byte[] referenceHash;

    public boolean businessLetter;

    public Instant recordedAt;

    /** Set when the customer was erased and the entry is kept for a retention duty: its last day. */
    public LocalDate retainedUntil;

    /** The retention policy the entry falls under (the categories of retention-service's policies). */
    public TimelineRetention retention() {
        return TimelineRetention.of(channel, businessLetter);
    }
}
