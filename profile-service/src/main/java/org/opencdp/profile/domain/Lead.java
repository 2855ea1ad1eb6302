package org.opencdp.profile.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A lead row. Its id is the subject id from the start and stays the subject id of the customer it converts into.
 * The personal data is the encrypted {@link LeadDetails} document, null once converted (the customer holds it then).
 */
public class Lead {

    public UUID id;

    public CustomerKind kind;

    public LeadSource source;

    public PipelineStage stage;

    /** Optimistic lock: a change written over a concurrent one is refused. */
    public long version;

    /** The encrypted {@link LeadDetails}; null after the conversion. */
    public byte[] encryptedDetails;

    public Instant createdAt;

    public Instant updatedAt;

    /** The last change by sales to the lead or its follow-ups; a lead untouched for too long expires. */
    public Instant lastTouchedAt;

    public Instant convertedAt;
}
