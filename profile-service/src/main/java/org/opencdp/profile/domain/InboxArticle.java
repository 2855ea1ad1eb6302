package org.opencdp.profile.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * An article of a ticket in the inbox, waiting to become a timeline entry of the customer the ticket is assigned to.
 * Summary and reference are encrypted with the ticket's own key.
 */
public class InboxArticle {

    public UUID id;

    public UUID ticketId;

    /** The timeline's hash of source and reference, so the article is recognised in the inbox and after the move. */
    public byte[] referenceHash;

    public TimelineDirection direction;

    public Instant occurredAt;

    public byte[] encryptedSummary;

    public byte[] encryptedReference;

    public Instant receivedAt;
}
