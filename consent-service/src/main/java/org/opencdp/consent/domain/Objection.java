package org.opencdp.consent.domain;

import java.util.List;
import java.util.UUID;

/**
 * A subject's objection (Art. 21): the OBJECTION entry, whether this call recorded it (false when the subject had
 * objected before), and the direct-marketing consents it revoked.
 */
public record Objection(UUID entryId, boolean recorded, List<Revocation> revocations) {}
