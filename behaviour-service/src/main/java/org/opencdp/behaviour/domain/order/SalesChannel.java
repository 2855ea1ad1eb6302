package org.opencdp.behaviour.domain.order;

/** Where an order was placed. */
public enum SalesChannel {
    WEB,
    APP,
    STORE,
    PHONE,
    MARKETPLACE,
    OTHER
}
