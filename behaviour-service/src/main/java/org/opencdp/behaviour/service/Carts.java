package org.opencdp.behaviour.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencdp.audit.AuditTrail;
import org.opencdp.behaviour.domain.order.Cart;
import org.opencdp.behaviour.domain.order.ExchangeRates;
import org.opencdp.behaviour.domain.order.OrderLine;
import org.opencdp.behaviour.repository.CartRepository;
import org.opencdp.consentdecisions.ConsentDecisions.Pair;
import org.opencdp.outbox.TimeOrderedIds;
import org.opencdp.problem.Problem.FieldError;
import org.opencdp.problem.ProblemException;

import io.quarkus.scheduler.Scheduled;

/**
 * Shops' current carts, and the abandoned ones for marketing: only those whose holder consents to the marketing
 * purpose asked for (consent-service, batch decisions; fails closed).
 */
@ApplicationScoped
public class Carts {

    /** consent-service's visitor id format: 128 random bits as 32 lowercase hex digits. */
    static final Pattern VISITOR_ID = Pattern.compile("[0-9a-f]{32}");

    /** A page of abandoned carts and where the next page starts (null on the last). */
    public record AbandonedPage(List<Cart> carts, UUID next) {}

    @Inject
    CartRepository carts;

    @Inject
    OrderChecks checks;

    @Inject
    ConsentGate consent;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    CurrencyRates currencyRates;

    /** How long a cart stays unchanged (and not ordered) before it counts as abandoned. */
    @ConfigProperty(name = "opencdp.behaviour.carts.abandoned-after")
    Duration abandonedAfter;

    /** Carts unchanged for longer are deleted: an old cart says nothing any more. */
    @ConfigProperty(name = "opencdp.behaviour.carts.keep-for")
    Duration keepFor;

    /**
     * Replaces the holder's cart. The cart stays in its own currency and is valued in the reporting currency at the
     * rate of the day of this change (UTC), as an order is at the rate of its order date: the value the shop showed
     * when the customer last touched the cart, unchanged by later rates unless a rate for that day is corrected.
     */
    @Transactional
    public Cart put(String shop, UUID subjectId, String visitorId, String cartCurrency, List<OrderLine> lines) {
        checkVisitor(visitorId);
        ExchangeRates rates = currencyRates.of(cartCurrency == null ? List.of() : List.of(cartCurrency));
        Instant now = Instant.now(clock);
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<FieldError> violations = checks.cartViolations(cartCurrency, lines, rates, day);
        if (!violations.isEmpty()) {
            throw ProblemException.invalidFields(violations);
        }
        Cart cart = new Cart(
                TimeOrderedIds.next(),
                shop,
                subjectId,
                visitorId,
                cartCurrency,
                lines,
                Cart.valueOf(lines),
                rates.on(cartCurrency, day).orElseThrow(),
                now);
        carts.put(cart);
        if (subjectId != null) {
            audit.record(subjectId, "cart.update", "the shop's cart of the customer");
        }
        return cart;
    }

    /** The currency cart values are also shown in. */
    public String reportingCurrency() {
        return currencyRates.reportingCurrency();
    }

    /** The cart was ordered or emptied. */
    @Transactional
    public void remove(String shop, UUID subjectId, String visitorId) {
        checkVisitor(visitorId);
        if (carts.delete(shop, subjectId, visitorId) > 0 && subjectId != null) {
            audit.record(subjectId, "cart.delete", "the shop's cart of the customer");
        }
    }

    @Transactional
    public AbandonedPage abandoned(String purpose, UUID after, int limit) {
        if (purpose == null || purpose.isBlank() || purpose.length() > 64) {
            throw ProblemException.invalidField("purpose", "must name the marketing purpose (1 to 64 characters)");
        }
        List<Cart> page = carts.abandoned(Instant.now(clock).minus(abandonedAfter), after, limit);
        Set<Pair> allowed = Set.copyOf(consent.allowed(page.stream()
                .map(c -> c.subjectId() != null
                        ? Pair.ofSubject(c.subjectId(), purpose)
                        : Pair.ofVisitor(c.visitorId(), purpose))
                .distinct()
                .toList()));
        List<Cart> released = page.stream()
                .filter(c -> allowed.contains(
                        c.subjectId() != null
                                ? Pair.ofSubject(c.subjectId(), purpose)
                                : Pair.ofVisitor(c.visitorId(), purpose)))
                .toList();
        audit.recordAll(
                released.stream().map(Cart::subjectId).filter(s -> s != null).toList(),
                "cart.read",
                "abandoned carts for " + purpose);
        return new AbandonedPage(
                released, page.size() == limit ? page.get(page.size() - 1).id() : null);
    }

    @Scheduled(
            identity = "cart-expiry",
            cron = "${opencdp.behaviour.carts.housekeeping-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void deleteOldCarts() {
        carts.deleteUnchangedSince(Instant.now(clock).minus(keepFor));
    }

    private static void checkVisitor(String visitorId) {
        if (visitorId != null && !VISITOR_ID.matcher(visitorId).matches()) {
            throw ProblemException.invalidField("visitorId", "must be 32 lowercase hex digits");
        }
    }
}
