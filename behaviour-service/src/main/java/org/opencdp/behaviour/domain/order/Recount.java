package org.opencdp.behaviour.domain.order;

/** What setting or correcting a rate recounted: the orders and carts whose date it now covers. */
public record Recount(int orders, int carts) {}
