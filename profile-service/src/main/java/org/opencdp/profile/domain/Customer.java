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
 * A customer row: only what is needed to find, version and decrypt it is in clear; the personal data is the
 * encrypted {@link CustomerProfile} document. The id is the subject id every other service keys its data on.
 */
@Entity
@Table(name = "customer")
public class Customer {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public CustomerKind kind;

    /** Optimistic lock and ETag: two agents editing one customer cannot overwrite each other. */
    @Version
    public long version;

    /** The encrypted {@link CustomerProfile}. */
    @Column(name = "profile")
    public byte[] encryptedProfile;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
