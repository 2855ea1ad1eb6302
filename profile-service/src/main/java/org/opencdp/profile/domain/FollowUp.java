package org.opencdp.profile.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A follow-up reminder on a customer or a lead, by subject id: a lead's follow-ups are the customer's after the
 * conversion, as the customer keeps the lead's id. The note is encrypted with the subject's key.
 */
public class FollowUp {

    public UUID id;

    public UUID subjectId;

    /** The agent's login name. */
    public String owner;

    public LocalDate dueDate;

    public byte[] encryptedNote;

    public boolean done;

    public Instant completedAt;

    public Instant createdAt;

    /** Optimistic lock: a change written over a concurrent one is refused. */
    public long version;
}
