package org.opencdp.behaviour.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.behaviour.repository.CartRepository;
import org.opencdp.subjectrights.Cutoff;
import org.opencdp.subjectrights.RetentionCategory;

/**
 * The retention category {@code abandoned-carts}: a cart is abandoned when it was not converted to an order, i.e.
 * no order of its holder (not cancelled) was placed at or after the cart's last change; a visitor's cart has no
 * orders and is abandoned once it is old. Its period starts at the last change.
 */
@ApplicationScoped
public class AbandonedCartRetention implements RetentionCategory {

    public static final String NAME = "abandoned-carts";

    @Inject
    CartRepository carts;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long countExpired(Cutoff cutoff) {
        return carts.countAbandonedBefore(cutoff.before());
    }

    @Override
    public long deleteExpired(Cutoff cutoff) {
        return carts.deleteAbandonedBefore(cutoff.before());
    }
}
