package org.opencdp.subjectrights;

import java.util.List;

/**
 * The data categories retention policies exist for (the retention purge contract): retention-service ships a
 * policy for each of these ids, and a {@link DataCategory} names the one that governs it. The subject-rights test
 * kit fails a service that declares another id, and retention-service's tests fail when its shipped policies and
 * this list differ, so a declared category always has a policy.
 */
public final class RetentionCategories {

    public static final String INACTIVE_CUSTOMER_PROFILE = "inactive-customer-profile";
    public static final String TRACKING_RAW_EVENTS = "tracking-raw-events";
    public static final String TRACKING_DAILY_AGGREGATES = "tracking-daily-aggregates";
    public static final String ABANDONED_CARTS = "abandoned-carts";
    public static final String BOOKING_VOUCHERS = "booking-vouchers";
    public static final String BOOKS_AND_ANNUAL_STATEMENTS = "books-and-annual-statements";
    public static final String COMMERCIAL_LETTERS = "commercial-letters";
    public static final String CALL_RECORDS = "call-records";
    public static final String EXPIRED_LEADS = "expired-leads";
    public static final String UNMATCHED_TICKETS = "unmatched-tickets";
    public static final String CONSENT_PROOFS = "consent-proofs";
    public static final String AUDIT_TRAIL = "audit-trail";

    public static final List<String> ALL = List.of(
            INACTIVE_CUSTOMER_PROFILE,
            TRACKING_RAW_EVENTS,
            TRACKING_DAILY_AGGREGATES,
            ABANDONED_CARTS,
            BOOKING_VOUCHERS,
            BOOKS_AND_ANNUAL_STATEMENTS,
            COMMERCIAL_LETTERS,
            CALL_RECORDS,
            EXPIRED_LEADS,
            UNMATCHED_TICKETS,
            CONSENT_PROOFS,
            AUDIT_TRAIL);

    private RetentionCategories() {}
}
