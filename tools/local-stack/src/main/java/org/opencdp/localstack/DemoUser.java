package org.opencdp.localstack;

import java.util.Locale;

/**
 * The demo logins of the local run (tools/local-stack/cdp-realm-local.json; the production realm has no users): one
 * per department role, the username is the role, the password is {@link #PASSWORD}. What each may do follows the role table of the design.
 */
public enum DemoUser {
    SALES("read/write customers and B2B data, read behaviour KPIs, write the timeline"),
    SERVICE("read customer contact data and the timeline, write the timeline, caller lookup"),
    MARKETING(
            "segments, reports, recommendations; profiles without payment data (consent gating comes with consent-service)"),
    ANALYST("aggregated reports only: no single customer, no direct identifiers"),
    DPO("data-subject requests, retention policies, purpose catalog, audit trail"),
    ADMIN("configuration; no bulk export of personal data");

    public static final String PASSWORD = "demo";

    private final String may;

    DemoUser(String may) {
        this.may = may;
    }

    public String username() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The only realm role the user holds. */
    public String role() {
        return username();
    }

    public String email() {
        return username() + "@demo.opencdp.local";
    }

    public String may() {
        return may;
    }
}
