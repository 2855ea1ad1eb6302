package org.opencdp.behaviour.domain.order;

import java.math.BigDecimal;
import java.time.Instant;

/** A return (part of the order refunded) or the cancellation of the whole order, by the shop's own id for it. */
public record Adjustment(String externalId, Kind kind, Instant occurredAt, BigDecimal amount) {

    public enum Kind {
        RETURN,
        CANCELLATION
    }
}
