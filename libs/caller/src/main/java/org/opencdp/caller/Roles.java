package org.opencdp.caller;

/**
 * The realm roles of the Keycloak realm (k8s/keycloak/cdp-realm.json). People hold department roles; each
 * service's client-credentials account holds one {@code svc-*} role, and so does each shop system's
 * ({@code svc-shop}); an endpoint names the service roles that may call it, so each service account reaches only
 * the calls it needs.
 */
public final class Roles {

    /** Read/write customers and B2B data, read behaviour KPIs, write the timeline. */
    public static final String SALES = "sales";
    /** Read contact data and timeline, write the timeline, caller lookup. */
    public static final String SERVICE = "service";
    /** Segments, reports, recommendations; profiles only for purposes with consent; no payment data. */
    public static final String MARKETING = "marketing";
    /** Aggregated reports only: no single customer, no direct identifiers. */
    public static final String ANALYST = "analyst";
    /** Data protection officer: subject requests, retention policies, purpose catalog, audit trail. */
    public static final String DPO = "dpo";
    /** Configuration; no bulk export of personal data. */
    public static final String ADMIN = "admin";

    public static final String SVC_PROFILE = "svc-profile";
    public static final String SVC_BEHAVIOUR = "svc-behaviour";
    public static final String SVC_TRACKING = "svc-tracking";
    public static final String SVC_CONSENT = "svc-consent";
    public static final String SVC_RETENTION = "svc-retention";
    /**
     * A shop system (one confidential client per shop, created by the operator): imports orders, posts server-side
     * tracking events and web-form consents.
     */
    public static final String SVC_SHOP = "svc-shop";
    /**
     * An integration with an OIDC client of its own (one confidential client per system, created by the operator like a
     * shop's): writes communications and feedback answers to the timeline. Systems that cannot get a token use the
     * signed webhooks instead.
     */
    public static final String SVC_INTEGRATIONS = "svc-integrations";

    private Roles() {}

    public static boolean isServiceAccountRole(String role) {
        return role.startsWith("svc-");
    }
}
