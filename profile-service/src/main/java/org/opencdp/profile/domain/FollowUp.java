package org.opencdp.profile.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A follow-up reminder on a customer or a lead, by subject id: a lead's follow-ups are the customer's after the
 * conversion, as the customer keeps the lead's id. The note is encrypted with the subject's key.
 */
@Entity
@Table(name = "follow_up")
public class FollowUp {

    @Id
    public UUID id;

    @Column(name = "subject_id")
    public UUID subjectId;

    /** The agent's login name. */
    public String owner;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "note")
    public byte[] encryptedNote;

    public boolean done;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public long version;
}
