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
 * A ticket of a ticket system. Matched, it belongs to a customer ({@code subjectId}) and its fields are encrypted
 * with the customer's key; unmatched, it waits in the inbox with a key of its own (its id) and the contact the ticket
 * system named. State and times are in clear: they are counted and paged without decrypting.
 */
@Entity
@Table(name = "ticket")
public class Ticket {

    @Id
    public UUID id;

    /** {@code integration:<name>}: the timeline source of its articles. */
    public String source;

    @Column(name = "external_hash")
    public byte[] externalHash;

    /** The customer; null while the ticket waits in the inbox. */
    @Column(name = "subject_id")
    public UUID subjectId;

    @Column(name = "number")
    public byte[] encryptedNumber;

    @Column(name = "title")
    public byte[] encryptedTitle;

    /** The encrypted {@link TicketContact}, inbox only. */
    @Column(name = "contact")
    public byte[] encryptedContact;

    @Enumerated(EnumType.STRING)
    public TicketState state;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "last_received_at")
    public Instant lastReceivedAt;

    public boolean inInbox() {
        return subjectId == null;
    }

    /** The subject whose key encrypts the ticket: the customer, or in the inbox the ticket itself. */
    public UUID keyId() {
        return inInbox() ? id : subjectId;
    }
}
