package org.opencdp.behaviour.domain.kpi;

/**
 * How much of a customer's KPIs a reader may see (data minimisation). Which department role gets which level is
 * decided where the caller is known (the api layer); the service needs it too, so that the audit trail says what
 * was read.
 */
public enum KpiAccess {
    /** sales: everything, revenue, order values and CLV included. */
    FULL,
    /** service: where the customer stands, the RFM scores and segment; no revenue, order values or CLV. */
    SEGMENT
}
