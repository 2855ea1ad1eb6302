package org.opencdp.behaviour.domain.order;

/** How an order was paid: the type only, never a card number or account. Same values as profile-service's. */
public enum PaymentMethodType {
    SEPA_DIRECT_DEBIT,
    CREDIT_CARD,
    DEBIT_CARD,
    PAYPAL,
    INVOICE,
    PREPAYMENT,
    CASH_ON_DELIVERY,
    OTHER
}
