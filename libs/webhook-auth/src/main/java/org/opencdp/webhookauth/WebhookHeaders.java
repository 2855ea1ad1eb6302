package org.opencdp.webhookauth;

/** The request headers of the schemes (docs/integrations.md shows them with examples). */
public final class WebhookHeaders {

    /** Generic scheme: the sender's clock, Unix seconds. */
    public static final String TIMESTAMP = "X-OpenCDP-Timestamp";
    /** Generic scheme: {@code v1=<hex HMAC-SHA256(secret, timestamp + "." + raw body)>}. */
    public static final String SIGNATURE = "X-OpenCDP-Signature";
    /** Zammad: {@code sha1=<hex HMAC-SHA1(token, raw body)>}. */
    public static final String HUB_SIGNATURE = "X-Hub-Signature";
    /** Zammad: the delivery's unique id, the same on every retry of it. */
    public static final String ZAMMAD_DELIVERY = "X-Zammad-Delivery";
    /** sipgate.io: base64 RSA-SHA256 signature of the raw body. */
    public static final String SIPGATE_SIGNATURE = "X-Sipgate-Signature";
    /** On an answer repeated for a delivery seen before. */
    public static final String REPEATED_DELIVERY = "X-OpenCDP-Repeated-Delivery";

    private WebhookHeaders() {}
}
