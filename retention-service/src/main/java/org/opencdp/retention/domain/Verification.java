package org.opencdp.retention.domain;

import java.time.Instant;

/** Who verified the requester's identity, how and when. */
public record Verification(String verifiedBy, VerificationMethod method, Instant verifiedAt) {}
