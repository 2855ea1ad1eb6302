package org.opencdp.behaviour.domain.segment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A saved segment: its definition, and how many members it had at its last refresh. */
public record Segment(
        UUID id,
        String name,
        List<Criterion> criteria,
        String createdBy,
        Instant createdAt,
        Instant refreshedAt,
        int members) {}
