package org.opencdp.profile.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One communication with a customer. What it was about (summary), who handled it (agent) and the other system's
 * reference are encrypted with the customer's key; channel, direction and times are in clear so that the timeline
 * can be paged and filtered without decrypting it. No foreign key to the customer: a business letter outlives an
 * erasure of its customer under a legal hold.
 */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntry {

    @Id
    public UUID id;

    @Column(name = "subject_id")
    public UUID subjectId;

    @Enumerated(EnumType.STRING)
    public TimelineChannel channel;

    @Enumerated(EnumType.STRING)
    public TimelineDirection direction;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "duration_seconds")
    public Integer durationSeconds;

    /** The encrypted agent (a person's login name or an integration's name). */
    @Column(name = "agent")
    public byte[] encryptedAgent;

    /** The encrypted summary; null when the writer sent none (e.g. a call event). */
    @Column(name = "summary")
    public byte[] encryptedSummary;

    /** Who wrote the entry: the client id of an integration or the login name of an agent. */
    public String source;

    @Column(name = "external_reference")
    public byte[] encryptedExternalReference;

    /** Keyed hash of source and external reference: the other system's idempotency key, without its value. */
    @Column(name = "reference_hash")
    public byte[] referenceHash;

    @Column(name = "business_letter")
    public boolean businessLetter;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    /** Set when the customer was erased and the entry is kept for a retention duty: its last day. */
    @Column(name = "retained_until")
    public LocalDate retainedUntil;

    /** The retention policy the entry falls under (the categories of retention-service's policies). */
    public TimelineRetention retention() {
        return TimelineRetention.of(channel, businessLetter);
    }
}
