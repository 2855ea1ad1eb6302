package org.opencdp.behaviour.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.behaviour.repository.OrderRepository;
import org.opencdp.subjectrights.Cutoff;
import org.opencdp.subjectrights.RetentionCategory;

/**
 * The retention category {@code booking-vouchers}: the orders (with their lines, returns and cancellations), which
 * are the shops' booking vouchers (AO §147, HGB §257). An order's period starts when it was placed; the policy
 * (8 years, to the end of the year) decides the rest. Orders kept under a legal hold after an erasure go with the
 * others once their period has ended; LegalHoldExpiry then destroys the subject's key.
 */
@ApplicationScoped
public class BookingVoucherRetention implements RetentionCategory {

    public static final String NAME = "booking-vouchers";

    @Inject
    OrderRepository orders;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long countExpired(Cutoff cutoff) {
        return orders.countOrderedBefore(cutoff.before());
    }

    @Override
    public long deleteExpired(Cutoff cutoff) {
        return orders.deleteOrderedBefore(cutoff.before());
    }
}
