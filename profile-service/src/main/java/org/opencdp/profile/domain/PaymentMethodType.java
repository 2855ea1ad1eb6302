package org.opencdp.profile.domain;

/** Payment methods a customer may prefer. Only the type and a masked reference are ever stored. */
public enum PaymentMethodType {
    SEPA_DIRECT_DEBIT,
    CREDIT_CARD,
    DEBIT_CARD,
    PAYPAL,
    INVOICE,
    PREPAYMENT,
    CASH_ON_DELIVERY,
    OTHER;

    /** Whether the method identifies an account, so a masked reference makes sense. */
    public boolean hasReference() {
        return this == SEPA_DIRECT_DEBIT || this == CREDIT_CARD || this == DEBIT_CARD || this == PAYPAL;
    }
}
