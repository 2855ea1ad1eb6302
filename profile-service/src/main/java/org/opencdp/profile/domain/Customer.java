package org.opencdp.profile.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer row: only what is needed to find, version and decrypt it is in clear; the personal data is the
 * encrypted {@link CustomerProfile} document. The id is the subject id every other service keys its data on.
 */
public class Customer {

    public UUID id;

    public CustomerKind kind;

    /** Optimistic lock and ETag: two agents editing one customer cannot overwrite each other. */
    public long version;

    /** The encrypted {@link CustomerProfile} (column {@code profile}). */
    public byte[] encryptedProfile;

    public Instant createdAt;

    public Instant updatedAt;
}
