package org.opencdp.bench;

import static org.opencdp.bench.BenchSettings.RUNS;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.opencdp.localstack.DemoUser;
import org.opencdp.localstack.Service;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * retention-service's targets (issue 13): the erasure of a subject with 10,000 tracking events and 100 orders across
 * all services in under 5 s end to end, and the export of the same subject (an access request) in under 2 s. Each
 * measured run has a subject of its own, seeded through the services' APIs as the shop and sales would.
 */
final class RetentionBench implements Scenario {

    private static final int EVENTS = Integer.getInteger("bench.retention.events", 10_000);
    private static final int ORDERS = Integer.getInteger("bench.retention.orders", 100);
    private static final String PURPOSE = "web-analytics";
    /** Event batches sent at once, as many as a shop's backend might. */
    private static final int CLIENTS = 4;

    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration GIVE_UP = Duration.ofMinutes(2);

    private BenchSuite suite;

    @Override
    public String name() {
        return "retention";
    }

    @Override
    public String title() {
        return "retention-service benchmark (issue 13)";
    }

    @Override
    public Duration expectedDuration() {
        // Seeding a subject (events at about 2,000/s on two cores) and its two requests, per run.
        return Duration.ofSeconds(RUNS * (15L + EVENTS / 2_000));
    }

    @Override
    public void run(BenchSuite suite, Report report) throws Exception {
        this.suite = suite;
        List<Double> exportSeconds = new ArrayList<>();
        List<Double> erasureSeconds = new ArrayList<>();
        JsonNode lastReceipt = null;
        for (int run = 1; run <= RUNS; run++) {
            UUID subject = seed(run);
            exportSeconds.add(accessExport(subject));
            long begin = System.nanoTime();
            String erasure = fileAndVerify("ERASURE", subject);
            awaitCompleted(erasure);
            erasureSeconds.add((System.nanoTime() - begin) / 1e9);
            lastReceipt = BenchSuite.readOk(
                    suite.get(requests() + "/" + erasure + "/receipt", dpo()), "the erasure's receipt");
            checkErased(lastReceipt);
            System.out.printf(
                    "[bench] run %d: export %.2f s, erasure %.2f s%n",
                    run, exportSeconds.getLast(), erasureSeconds.getLast());
        }
        report.heading("Erasure and export of one subject");
        report.line(String.format(
                "Per measured run a subject of its own: a customer at profile-service (sales), the web-analytics "
                        + "consent at consent-service (the shop's backend, WEB_FORM), %,d web events at "
                        + "tracking-service (`POST /api/v1/events` with the subject id, the shop's backend, %d events "
                        + "per batch, %d clients) and %,d orders at behaviour-service (`POST /api/v1/orders/bulk`). "
                        + "**Export**: an access request filed and verified by the dpo, timed from the verification "
                        + "to the one JSON document of every service's export (`GET …/export`). **Erasure**: an "
                        + "erasure filed, timed from the verification until the request is COMPLETED (every "
                        + "service answered; polled every %d ms). Both include the wait for retention-service's "
                        + "worker to pick the tasks up (`opencdp.retention.worker.interval`, 2 s). Last receipt: "
                        + "%s.",
                EVENTS, RetentionSeed.EVENTS_PER_BATCH, CLIENTS, ORDERS, POLL.toMillis(), summary(lastReceipt)));
        report.line("");
        report.table();
        report.figure(
                String.format("erasure of a subject with %,d events and %,d orders", EVENTS, ORDERS),
                new Measured(erasureSeconds),
                "**%.2f s**",
                Target.below(5, "< 5 s"));
        report.figure(
                "export of the same subject (access request)",
                new Measured(exportSeconds),
                "**%.2f s**",
                Target.below(2, "< 2 s"));
        report.line("");
    }

    /** A customer with consent, events and orders; returns its subject id. */
    private UUID seed(int run) throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        JsonNode customer = readCreated(
                suite.post(
                        suite.url(Service.PROFILE) + "/api/v1/customers",
                        suite.token(DemoUser.SALES),
                        "{\"type\":\"PERSON\",\"givenName\":\"Ret" + unique + "\",\"familyName\":\"Bench\","
                                + "\"language\":\"de\",\"emails\":[{\"address\":\"ret." + unique
                                + "@example.de\"}]}"),
                "a customer");
        UUID subject = UUID.fromString(customer.get("id").asText());
        grantWebAnalytics(subject);
        Instant start = Instant.now().minus(2, ChronoUnit.HOURS);
        String session = String.format("%032x", run);
        int batches = (EVENTS + RetentionSeed.EVENTS_PER_BATCH - 1) / RetentionSeed.EVENTS_PER_BATCH;
        Parallel.forEach(batches, CLIENTS, b -> {
            int from = b * RetentionSeed.EVENTS_PER_BATCH;
            int count = Math.min(RetentionSeed.EVENTS_PER_BATCH, EVENTS - from);
            JsonNode answer = BenchSuite.readOk(
                    suite.post(
                            suite.url(Service.TRACKING) + "/api/v1/events",
                            suite.shopToken(Service.TRACKING),
                            RetentionSeed.eventBatch(subject, session, start, from, count)),
                    "an event batch");
            if (answer.get("accepted").asInt() != count) {
                throw new IllegalStateException("an event batch of " + count + " was answered " + answer);
            }
        });
        HttpResponse<String> orders =
                suite.send(HttpRequest.newBuilder(URI.create(suite.url(Service.BEHAVIOUR) + "/api/v1/orders/bulk"))
                        .header("Authorization", "Bearer " + suite.shopToken(Service.BEHAVIOUR))
                        .header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                RetentionSeed.orders(subject, run + "-" + unique, start, ORDERS))));
        JsonNode imported = BenchSuite.readOk(orders, "the orders' import");
        if (imported.get("created").asInt() != ORDERS) {
            throw new IllegalStateException("the import of " + ORDERS + " orders answered " + imported);
        }
        System.out.printf("[bench] subject %s: %,d events, %,d orders%n", subject, EVENTS, ORDERS);
        return subject;
    }

    private void grantWebAnalytics(UUID subject) throws Exception {
        String consentUrl = suite.url(Service.CONSENT);
        JsonNode current = BenchSuite.readOk(
                        suite.get(consentUrl + "/api/v1/purposes/" + PURPOSE, suite.shopToken(Service.CONSENT)),
                        "the purpose")
                .get("current");
        readCreated(
                suite.post(
                        consentUrl + "/api/v1/consents",
                        suite.shopToken(Service.CONSENT),
                        "{\"subjectId\":\"" + subject + "\",\"purpose\":\"" + PURPOSE + "\",\"version\":"
                                + current.get("version").asInt() + ",\"language\":\"en\",\"textHash\":\""
                                + current.get("texts").get("en").get("hash").asText()
                                + "\",\"channel\":\"WEB_FORM\"}"),
                "a consent grant");
    }

    /** Seconds from the verification of an access request to its export in hand. */
    private double accessExport(UUID subject) throws Exception {
        long begin = System.nanoTime();
        String id = fileAndVerify("ACCESS", subject);
        awaitCompleted(id);
        JsonNode export = BenchSuite.readOk(suite.get(requests() + "/" + id + "/export", dpo()), "the export");
        double seconds = (System.nanoTime() - begin) / 1e9;
        if (export.get("services").size() != Service.values().length) {
            throw new IllegalStateException(
                    "the export has " + export.get("services").size() + " services");
        }
        return seconds;
    }

    /** Files a request received today and verifies it; the clock of a run starts before the verification. */
    private String fileAndVerify(String type, UUID subject) throws Exception {
        JsonNode filed = readCreated(
                suite.post(
                        requests(),
                        dpo(),
                        "{\"type\":\"" + type + "\",\"subjectId\":\"" + subject + "\",\"channel\":\"MAIL\","
                                + "\"receivedOn\":\"" + LocalDate.now(ZoneOffset.UTC) + "\"}"),
                "filing a request");
        String id = filed.get("id").asText();
        BenchSuite.readOk(
                suite.post(
                        requests() + "/" + id + "/verification",
                        dpo(),
                        "{\"verifiedBy\":\"bench\",\"method\":\"CALLBACK\",\"verifiedAt\":\""
                                + Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS) + "\"}"),
                "the verification");
        return id;
    }

    private void awaitCompleted(String id) throws Exception {
        long begin = System.nanoTime();
        while (System.nanoTime() - begin < GIVE_UP.toNanos()) {
            JsonNode request = BenchSuite.readOk(suite.get(requests() + "/" + id, dpo()), "reading a request");
            if (request.get("state").asText().equals("COMPLETED")) {
                return;
            }
            if (request.path("needsAttention").asBoolean()) {
                throw new IllegalStateException("request " + id + " has a failed task: " + request.get("tasks"));
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IllegalStateException("request " + id + " did not complete within " + GIVE_UP);
    }

    /** The erasure reached every service and erased the events; the orders are erased or kept under legal hold. */
    private static void checkErased(JsonNode receipt) {
        long tracked = 0;
        long orders = 0;
        for (JsonNode service : receipt.get("services")) {
            for (JsonNode category : service.get("report").get("categories")) {
                long touched = category.get("erased").asLong()
                        + category.get("keptUnderLegalHold").asLong();
                if (service.get("participant").asText().equals("tracking")) {
                    tracked += touched;
                } else if (service.get("participant").asText().equals("behaviour")) {
                    orders = Math.max(orders, touched);
                }
            }
        }
        if (tracked < EVENTS || orders < ORDERS) {
            throw new IllegalStateException(
                    "the erasure touched " + tracked + " tracking records and " + orders + " orders: " + receipt);
        }
    }

    /** Per service and category what the receipt says, briefly. */
    static String summary(JsonNode receipt) {
        if (receipt == null) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode service : receipt.get("services")) {
            for (JsonNode category : service.get("report").get("categories")) {
                long erased = category.get("erased").asLong();
                long kept = category.get("keptUnderLegalHold").asLong();
                if (erased > 0 || kept > 0) {
                    parts.add(service.get("participant").asText() + " "
                            + category.get("category").asText() + ": "
                            + (erased > 0 ? "erased " + erased : "") + (erased > 0 && kept > 0 ? ", " : "")
                            + (kept > 0
                                    ? "kept " + kept + " until "
                                            + category.path("keptUntil").asText()
                                    : ""));
                }
            }
        }
        return String.join("; ", parts);
    }

    private String requests() {
        return suite.url(Service.RETENTION) + "/api/v1/requests";
    }

    private String dpo() {
        return suite.token(DemoUser.DPO);
    }

    private static JsonNode readCreated(HttpResponse<String> answer, String what) throws Exception {
        if (answer.statusCode() != 201) {
            throw new IllegalStateException(what + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return BenchSuite.JSON.readTree(answer.body());
    }
}
