package org.opencdp.profile.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A ticket of a ticket system. Matched, it belongs to a customer ({@code subjectId}) and its fields are encrypted
 * with the customer's key; unmatched, it waits in the inbox with a key of its own (its id) and the contact the ticket
 * system named. State and times are in clear: they are counted and paged without decrypting.
 */
public class Ticket {

    public UUID id;

    /** {@code integration:<name>}: the timeline source of its articles. */
    public String source;

    public byte[] externalHash;

    /** The customer; null while the ticket waits in the inbox. */
    public UUID subjectId;

    public byte[] encryptedNumber;

    public byte[] encryptedTitle;

    /** The encrypted {@link TicketContact}, inbox only. */
    public byte[] encryptedContact;

    public TicketState state;

    public Instant updatedAt;

    public Instant receivedAt;

    public Instant lastReceivedAt;

    public boolean inInbox() {
        return subjectId == null;
    }

    /** The subject whose key encrypts the ticket: the customer, or in the inbox the ticket itself. */
    public UUID keyId() {
        return inInbox() ? id : subjectId;
    }
}
