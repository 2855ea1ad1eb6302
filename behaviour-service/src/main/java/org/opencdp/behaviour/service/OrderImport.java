package org.opencdp.behaviour.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.opencdp.audit.AuditTrail;
import org.opencdp.behaviour.domain.order.ExchangeRates;
import org.opencdp.behaviour.domain.order.Order;
import org.opencdp.behaviour.domain.order.StoredOrder;
import org.opencdp.behaviour.repository.OrderRepository;
import org.opencdp.behaviour.repository.OrderRepository.Existing;
import org.opencdp.behaviour.repository.OrderRepository.NewOrder;
import org.opencdp.outbox.TimeOrderedIds;
import org.opencdp.problem.Problem;
import org.opencdp.problem.Problem.FieldError;
import org.opencdp.problem.ProblemException;

/**
 * Imports orders from shop systems, idempotently by the shop's own order id: the same order sent again is answered
 * with the stored one, a different order under the same id is a conflict. A bulk import stores its good rows and
 * rejects its bad ones, each with a reason; a row is never stored in part.
 */
@ApplicationScoped
public class OrderImport {

    public static final int MAX_ROWS = 5_000;

    public enum Outcome {
        CREATED,
        UNCHANGED,
        REJECTED
    }

    /** One row of a bulk import as the API read it: an order, or why it could not be read. */
    public record Row(Order order, Problem unreadable) {

        public static Row of(Order order) {
            return new Row(Objects.requireNonNull(order), null);
        }

        public static Row unreadable(Problem problem) {
            return new Row(null, Objects.requireNonNull(problem));
        }
    }

    /** What became of one row: the order's id when stored (now or before), the problem when rejected. */
    public record RowResult(int row, String externalId, Outcome outcome, UUID orderId, Problem problem) {}

    /** The outcome of a single import with the order as stored. */
    public record Imported(Outcome outcome, StoredOrder order) {}

    @Inject
    OrderChecks checks;

    @Inject
    OrderRepository orders;

    @Inject
    CurrencyRates currencyRates;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** One order: 400 when invalid, 409 when the shop's id is taken by a different order. */
    @Transactional
    public Imported importOne(String shop, Order order) {
        RowResult result = importAll(shop, List.of(Row.of(order))).get(0);
        if (result.outcome() == Outcome.REJECTED) {
            Problem problem = result.problem();
            throw problem.status() == 409
                    ? ProblemException.conflict(problem.detail())
                    : ProblemException.invalidFields(problem.errors());
        }
        return new Imported(result.outcome(), orders.find(result.orderId()).orElseThrow());
    }

    @Transactional
    public List<RowResult> importAll(String shop, List<Row> rows) {
        if (rows.isEmpty() || rows.size() > MAX_ROWS) {
            throw ProblemException.badRequest("A bulk import holds 1 to " + MAX_ROWS + " orders, got " + rows.size());
        }
        // First, before any other lock: the rates stay as read until this import commits.
        ExchangeRates rates = currencyRates.of(rows.stream()
                .filter(r -> r.order() != null && r.order().currency() != null)
                .map(r -> r.order().currency())
                .distinct()
                .toList());
        Set<String> ids = new LinkedHashSet<>();
        rows.stream()
                .filter(r -> r.order() != null && r.order().externalId() != null)
                .forEach(r -> ids.add(r.order().externalId()));
        Map<String, Existing> known = new HashMap<>(orders.existing(shop, ids));
        Instant now = Instant.now(clock);
        List<RowResult> results = new ArrayList<>(rows.size());
        List<NewOrder> fresh = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.order() == null) {
                results.add(new RowResult(i, null, Outcome.REJECTED, null, row.unreadable()));
                continue;
            }
            Order order = row.order();
            List<FieldError> violations = checks.violations(order, rates);
            if (!violations.isEmpty()) {
                results.add(rejected(i, order, ProblemException.invalidFields(violations)));
                continue;
            }
            String hash = order.contentHash();
            Existing existing = known.get(order.externalId());
            if (existing == null) {
                UUID id = TimeOrderedIds.next();
                BigDecimal rate = rates.on(order.currency(), LocalDate.ofInstant(order.orderedAt(), ZoneOffset.UTC))
                        .orElseThrow();
                fresh.add(new NewOrder(id, shop, order, rate, now));
                known.put(order.externalId(), new Existing(id, hash));
                results.add(new RowResult(i, order.externalId(), Outcome.CREATED, id, null));
            } else if (existing.contentHash().equals(hash)) {
                results.add(new RowResult(i, order.externalId(), Outcome.UNCHANGED, existing.id(), null));
            } else {
                results.add(rejected(i, order, conflict(order)));
            }
        }
        List<UUID> skipped = orders.insert(fresh);
        if (!skipped.isEmpty()) {
            // Another import stored the same shop's id between our look-up and our insert: compare with that one.
            throw ProblemException.conflict("Another import of the same orders ran at the same time; send again.");
        }
        audit.recordAll(
                fresh.stream().map(n -> n.order().subjectId()).toList(), "order.import", "import of the shop's orders");
        return results;
    }

    private static ProblemException conflict(Order order) {
        return ProblemException.conflict("Order " + order.externalId()
                + " was imported before with a different content; an imported order is changed only by returns"
                + " and cancellations.");
    }

    private static RowResult rejected(int row, Order order, ProblemException problem) {
        return new RowResult(row, order.externalId(), Outcome.REJECTED, null, problem.toProblem());
    }
}
