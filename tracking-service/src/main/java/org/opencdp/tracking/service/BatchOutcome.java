package org.opencdp.tracking.service;

import java.util.List;

import org.opencdp.tracking.domain.EventResult;

/** What became of each event of a batch, in the batch's order. */
public record BatchOutcome(List<EventResult> results) {

    public long count(EventResult.Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }
}
