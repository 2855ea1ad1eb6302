package org.opencdp.localstack;

import java.util.EnumSet;
import java.util.Set;

/**
 * The demo shop system of the local run (tools/local-stack/cdp-realm-local.json): a confidential client holding
 * {@code svc-shop}, as an operator creates one per shop in a cluster (docs/security.md), so the local run and the
 * end-to-end tests can import orders, post tracking events and consents as a shop does.
 */
public final class DemoShop {

    public static final String CLIENT_ID = "shop-backend";
    /** For the local run only; the production realm has no shop client. */
    public static final String SECRET = "shop-backend-local-secret";

    public static final String ROLE = "svc-shop";

    private DemoShop() {}

    /** The services a shop calls; its client may ask for exactly their audiences. */
    public static Set<Service> calls() {
        return EnumSet.of(Service.BEHAVIOUR, Service.TRACKING, Service.CONSENT);
    }
}
