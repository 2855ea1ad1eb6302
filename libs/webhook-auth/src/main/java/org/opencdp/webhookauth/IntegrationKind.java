package org.opencdp.webhookauth;

/** How an integration proves who it is; each vendor has its own scheme (README: "The door"). */
public enum IntegrationKind {
    /** Our own format: HMAC-SHA256 over timestamp + "." + raw body, with a replay window. */
    GENERIC_HMAC,
    /** Zammad's webhooks: {@code X-Hub-Signature: sha1=<hex>}, idempotent by {@code X-Zammad-Delivery}. */
    ZAMMAD,
    /** sipgate.io's push API: RSA-SHA256 over the raw body, {@code X-Sipgate-Signature} (base64). */
    SIPGATE,
    /** 3CX's CRM template: Basic credentials, the integration's name and its API key. */
    THREECX;

    /** Whether the service generates the secret (shown once); sipgate's is a public key the admin configures. */
    public boolean hasGeneratedSecret() {
        return this != SIPGATE;
    }

    /** Whether the secret is only ever compared (3CX's API key), so a hash of it is enough to keep. */
    public boolean storesHashOnly() {
        return this == THREECX;
    }
}
