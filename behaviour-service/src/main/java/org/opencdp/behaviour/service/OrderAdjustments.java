package org.opencdp.behaviour.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.opencdp.audit.AuditTrail;
import org.opencdp.behaviour.domain.order.Adjustment;
import org.opencdp.behaviour.domain.order.StoredOrder;
import org.opencdp.behaviour.repository.OrderRepository;
import org.opencdp.problem.ProblemException;

/**
 * Returns and cancellations, recorded as events on an order. Each is idempotent by the shop's id for it: sent again
 * with the same content it changes nothing, with a different content it is a conflict.
 */
@ApplicationScoped
public class OrderAdjustments {

    /** The id a cancellation is stored under: an order is cancelled once. */
    static final String CANCELLATION_ID = "cancellation";

    @Inject
    OrderRepository orders;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Transactional
    public StoredOrder recordReturn(
            String shop, String orderId, String returnId, Instant returnedAt, BigDecimal amount) {
        if (returnId == null || returnId.isBlank() || returnId.length() > OrderChecks.MAX_TEXT) {
            throw ProblemException.invalidField("returnId", "must be 1 to " + OrderChecks.MAX_TEXT + " characters");
        }
        if (CANCELLATION_ID.equals(returnId)) {
            throw ProblemException.invalidField("returnId", "'" + CANCELLATION_ID + "' is reserved");
        }
        if (amount == null
                || amount.signum() <= 0
                || amount.stripTrailingZeros().scale() > 4) {
            throw ProblemException.invalidField("amount", "must be above 0 with at most 4 decimal places");
        }
        StoredOrder order = order(shop, orderId);
        Adjustment adjustment =
                new Adjustment(returnId, Adjustment.Kind.RETURN, when("returnedAt", returnedAt, order), amount);
        if (alreadyRecorded(order, adjustment)) {
            return order;
        }
        if (order.cancelledAt() != null) {
            throw ProblemException.conflict("Order " + orderId + " is cancelled; nothing of it can be returned.");
        }
        BigDecimal remaining = order.order().total().subtract(order.returned());
        if (amount.compareTo(remaining) > 0) {
            throw ProblemException.invalidField(
                    "amount", "must not exceed what remains of the order: " + remaining.toPlainString());
        }
        return record(order, adjustment);
    }

    @Transactional
    public StoredOrder cancel(String shop, String orderId, Instant cancelledAt) {
        StoredOrder order = order(shop, orderId);
        Adjustment adjustment = new Adjustment(
                CANCELLATION_ID,
                Adjustment.Kind.CANCELLATION,
                when("cancelledAt", cancelledAt, order),
                order.order().total().subtract(order.returned()));
        if (order.cancelledAt() != null) {
            Adjustment before = order.adjustments().stream()
                    .filter(a -> a.kind() == Adjustment.Kind.CANCELLATION)
                    .findFirst()
                    .orElseThrow();
            if (!before.occurredAt().equals(adjustment.occurredAt())) {
                throw ProblemException.conflict(
                        "Order " + orderId + " was cancelled before, at " + before.occurredAt() + ".");
            }
            return order;
        }
        return record(order, adjustment);
    }

    private StoredOrder record(StoredOrder order, Adjustment adjustment) {
        orders.addAdjustment(order.id(), adjustment, Instant.now(clock));
        audit.record(
                order.order().subjectId(),
                "order." + adjustment.kind().name().toLowerCase(),
                "the shop's returns and cancellations");
        return orders.find(order.id()).orElseThrow();
    }

    private boolean alreadyRecorded(StoredOrder order, Adjustment adjustment) {
        Optional<Adjustment> before = order.adjustments().stream()
                .filter(a -> a.externalId().equals(adjustment.externalId()))
                .findFirst();
        if (before.isEmpty()) {
            return false;
        }
        Adjustment b = before.get();
        if (b.occurredAt().equals(adjustment.occurredAt()) && b.amount().compareTo(adjustment.amount()) == 0) {
            return true;
        }
        throw ProblemException.conflict(
                "Return " + adjustment.externalId() + " was recorded before with a different content.");
    }

    private StoredOrder order(String shop, String orderId) {
        return orders.findForUpdate(shop, orderId)
                .orElseThrow(() -> ProblemException.notFound("This shop has no order " + orderId + "."));
    }

    private Instant when(String field, Instant at, StoredOrder order) {
        if (at == null) {
            throw ProblemException.invalidField(field, "must be present");
        }
        if (at.isAfter(Instant.now(clock).plus(OrderChecks.CLOCK_TOLERANCE))) {
            throw ProblemException.invalidField(field, "must not lie in the future");
        }
        if (at.isBefore(order.order().orderedAt())) {
            throw ProblemException.invalidField(field, "must not lie before the order");
        }
        // PostgreSQL keeps microseconds: compare a resend with what was stored, not with what was sent.
        return at.truncatedTo(ChronoUnit.MICROS);
    }
}
