package org.opencdp.bench;

import java.time.Instant;
import java.util.UUID;

/**
 * What the retention scenario gives one subject, as the shop's backend would send it: web events of a known customer
 * for tracking-service's server endpoint, and orders for behaviour-service's bulk import. Plain text builders, so that
 * what is sent can be checked without a suite.
 */
final class RetentionSeed {

    /** tracking-service takes at most 100 events per batch (opencdp.tracking.max-batch-events). */
    static final int EVENTS_PER_BATCH = 100;

    private RetentionSeed() {}

    /**
     * Events {@code from} to {@code from + count - 1} of the subject, one batch for {@code POST /api/v1/events}: page
     * views, clicks and page leaves in turn, a millisecond apart from {@code start}, so that none is taken for a
     * resend of another.
     */
    static String eventBatch(UUID subject, String session, Instant start, int from, int count) {
        if (count < 1 || count > EVENTS_PER_BATCH) {
            throw new IllegalArgumentException("a batch has 1 to " + EVENTS_PER_BATCH + " events, not " + count);
        }
        StringBuilder batch = new StringBuilder(count * 200).append("{\"events\":[");
        for (int e = from; e < from + count; e++) {
            String type = e % 3 == 0 ? "page_view" : e % 3 == 1 ? "click" : "page_leave";
            batch.append(e == from ? "" : ",")
                    .append(String.format(
                            "{\"type\":\"%s\",\"subjectId\":\"%s\",\"sessionId\":\"%s\",\"url\":"
                                    + "\"https://shop.example/p/%d\",\"clientTime\":\"%s\"%s}",
                            type, subject, session, e % 50, start.plusMillis(e), detailOf(type)));
        }
        return batch.append("]}").toString();
    }

    /** What tracking-service requires of each event type: a click names a marked element, a leave its dwell time. */
    private static String detailOf(String type) {
        return switch (type) {
            case "click" -> ",\"element\":\"add-to-cart\"";
            case "page_leave" -> ",\"dwellMs\":4200,\"scrollDepth\":60";
            default -> "";
        };
    }

    /**
     * {@code count} orders of the subject as NDJSON for {@code POST /api/v1/orders/bulk}, one line each, with external
     * ids {@code R<tag>-<n>}, one to three order lines each; amounts exact in cents, so lines and total agree.
     */
    static String orders(UUID subject, String tag, Instant lastOrderedAt, int count) {
        StringBuilder ndjson = new StringBuilder(count * 300);
        for (int o = 0; o < count; o++) {
            int lineCount = 1 + o % 3;
            long totalCents = 0;
            StringBuilder lines = new StringBuilder();
            for (int l = 0; l < lineCount; l++) {
                int quantity = 1 + (o + l) % 3;
                int priceCents = 490 + 100 * ((o * 7 + l) % 20);
                totalCents += (long) quantity * priceCents;
                lines.append(l == 0 ? "" : ",")
                        .append(String.format(
                                "{\"sku\":\"SKU-%d\",\"category\":\"coffee\",\"quantity\":%d,\"unitPrice\":%s}",
                                (o * 3 + l) % 500, quantity, euros(priceCents)));
            }
            ndjson.append(String.format(
                    "{\"externalId\":\"R%s-%d\",\"subjectId\":\"%s\",\"orderedAt\":\"%s\",\"channel\":\"WEB\","
                            + "\"paymentMethod\":\"PAYPAL\",\"currency\":\"EUR\",\"lines\":[%s],\"total\":%s}\n",
                    tag, o, subject, lastOrderedAt.minusSeconds(86_400L * o), lines, euros(totalCents)));
        }
        return ndjson.toString();
    }

    static String euros(long cents) {
        return cents / 100 + "." + String.format("%02d", cents % 100);
    }
}
