package org.opencdp.profile.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A lead row. Its id is the subject id from the start and stays the subject id of the customer it converts into.
 * The personal data is the encrypted {@link LeadDetails} document, null once converted (the customer holds it then).
 */
@Entity
@Table(name = "lead")
public class Lead {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public CustomerKind kind;

    @Enumerated(EnumType.STRING)
    public LeadSource source;

    @Enumerated(EnumType.STRING)
    public PipelineStage stage;

    @Version
    public long version;

    /** The encrypted {@link LeadDetails}; null after the conversion. */
    @Column(name = "details")
    public byte[] encryptedDetails;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The last change by sales to the lead or its follow-ups; a lead untouched for too long expires. */
    @Column(name = "last_touched_at")
    public Instant lastTouchedAt;

    @Column(name = "converted_at")
    public Instant convertedAt;
}
