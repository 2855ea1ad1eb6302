package org.opencdp.profile.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An article of a ticket in the inbox, waiting to become a timeline entry of the customer the ticket is assigned to.
 * Summary and reference are encrypted with the ticket's own key.
 */
@Entity
@Table(name = "ticket_inbox_article")
public class InboxArticle {

    @Id
    public UUID id;

    @Column(name = "ticket_id")
    public UUID ticketId;

    /** The timeline's hash of source and reference, so the article is recognised in the inbox and after the move. */
    @Column(name = "reference_hash")
    public byte[] referenceHash;

    @Enumerated(EnumType.STRING)
    public TimelineDirection direction;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "summary")
    public byte[] encryptedSummary;

    @Column(name = "external_reference")
    public byte[] encryptedReference;

    @Column(name = "received_at")
    public Instant receivedAt;
}
