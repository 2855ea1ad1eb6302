package org.opencdp.bench;

import static org.opencdp.bench.BenchSettings.RUN;
import static org.opencdp.bench.BenchSettings.RUNS;
import static org.opencdp.bench.BenchSettings.WARM_UP;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opencdp.localstack.DemoUser;
import org.opencdp.localstack.Service;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * profile-service's 360° view (issue 14): with every service up a p99 under 150 ms; with one of the services it asks
 * stopped, a p99 within the view's timeout + 20 ms. The customers are seeded through the services' APIs as sales, the
 * shop and service agents would; the view is read as sales, for a random seeded customer per request.
 */
final class View360Bench implements Scenario {

    private static final int CUSTOMERS = Integer.getInteger("bench.view360.customers", 1_000);
    /** Agents reading views at once, each waiting for its answer before the next. */
    private static final int CLIENTS = Integer.getInteger("bench.view360.clients", 4);
    /** The service stopped for the second measurement: behaviour (asked for every view), consent or tracking. */
    private static final Service DOWN = Service.valueOf(
            System.getProperty("bench.view360.down", "behaviour").toUpperCase(Locale.ROOT));

    /** The setting profile-service reads its timeout of the view's remote calls from. */
    static final String TIMEOUT_SETTING = "OPENCDP_VIEW360_TIMEOUT_MS";
    /** Its default, in profile-service's application.properties: {@code ${OPENCDP_VIEW360_TIMEOUT_MS:300}}. */
    private static final Pattern SHIPPED_TIMEOUT = Pattern.compile(
            "^quarkus\\.fault-tolerance\\.\"org\\.opencdp\\.profile\\.client\\.GuardedOverviewCalls\"\\.timeout\\.value="
                    + "\\$\\{" + TIMEOUT_SETTING + ":(\\d+)}$",
            Pattern.MULTILINE);
    /** The allowance over the timeout with one service down. */
    private static final int OVER_TIMEOUT_MS = 20;
    /** Unmeasured views after the stop, until the first failed calls have opened the circuit. */
    private static final Duration SETTLE = Duration.ofSeconds(Math.min(10, WARM_UP.toSeconds()));

    private static final int SEED_CLIENTS = 4;
    private static final int EVENTS_PER_CUSTOMER = 10;
    private static final String[] PURPOSES = {"personalisation", "web-analytics"};
    /** For the expected duration: seeding rate on two cores, starting a stopped service again. */
    private static final int SEED_PER_SECOND = 25;

    private static final Duration RESTART = Duration.ofSeconds(30);
    /** How long a sampled view may take to come back complete after the seed. */
    private static final Duration COMPLETE_WITHIN = Duration.ofSeconds(60);

    /** A share of wrong views above which a run measures a broken view, not a slow one: the scenario stops. */
    private static final double MAX_WRONG_SHARE = 0.01;
    /** As bench/wrk/common.lua's MAX_DESCRIBED. */
    private static final int DESCRIBED_PER_CLIENT = 5;

    private BenchSuite suite;
    private Wrk wrk;
    private String profileUrl;
    /** Each run's wrong answers, described for the report. */
    private final List<String> wrongAnswers = new ArrayList<>();
    /** Each purpose's current version and English text hash, as a consent grant must name them. */
    private final Map<String, JsonNode> purposeTexts = new HashMap<>();

    @Override
    public String name() {
        return "view360";
    }

    @Override
    public String title() {
        return "profile-service's 360° view benchmark (issue 14)";
    }

    @Override
    public Duration expectedDuration() {
        // The seed with a recompute (at most its 30 s target), all up, the stopped service, its restart.
        return Duration.ofSeconds(CUSTOMERS / SEED_PER_SECOND + 30)
                .plus(BenchSettings.load())
                .plus(SETTLE)
                .plus(RUN.multipliedBy(RUNS))
                .plus(RESTART);
    }

    @Override
    public void run(BenchSuite suite, Report report) throws Exception {
        this.suite = suite;
        this.profileUrl = suite.url(Service.PROFILE);
        Seeded seeded = seed();
        int timeout = configuredTimeoutMillis(suite.stack().layout().serviceSettings(), suite.repoRoot());
        this.wrk = new Wrk(suite.repoRoot());

        checkComplete(seeded);
        // Wrong answers are counted and described, not a stop (bench/README.md, view360): a view that fails now and
        // then under load is a finding of its own, and the runs with a service stopped are still measured.
        wrongAnswers.clear();
        views("warm-up, all up", seeded.all(), WARM_UP, "");
        List<Wrk.Result> allUp = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            allUp.add(views("all up, run " + (run + 1), seeded.all(), RUN, ""));
        }

        Path ids = DOWN == Service.TRACKING ? seeded.personalised() : seeded.all();
        String marker = "\"" + partOf(DOWN) + "\":{\"unavailable\":\"";
        List<Wrk.Result> down = new ArrayList<>();
        suite.stack().stopService(DOWN);
        try {
            views(DOWN.serviceName() + " stopped, settling", ids, SETTLE, marker);
            for (int run = 0; run < RUNS; run++) {
                down.add(views(DOWN.serviceName() + " stopped, run " + (run + 1), ids, RUN, marker));
            }
        } finally {
            suite.stack().startService(DOWN);
        }

        report.heading("360° view");
        report.line(String.format(
                "%,d customers seeded through the APIs: created at profile-service (sales, 100 per request); every "
                        + "other one with the personalisation and web-analytics consents (the shop, WEB_FORM) and "
                        + "%d identified web events (the shop's server endpoint); three of four with 1 to 4 orders "
                        + "(the shop's bulk import), then a KPI recompute (analyst); each with two timeline entries "
                        + "(a call and a note, as a service agent). `GET /api/v1/customers/{id}/360` as sales for a "
                        + "random seeded customer, %d clients at once (each waits for its answer), %d s per run; "
                        + "every answer checked (200, the customer asked for). **All up**: after a %d s warm-up, "
                        + "with every view complete before (no part marked unavailable). **%s stopped**: after "
                        + "%d s unmeasured (the first refused calls open the circuit), every answer checked to "
                        + "mark its part `unavailable`%s; the service is started again afterwards. The view's "
                        + "timeout: %d ms (`%s`, as profile-service reads it).",
                CUSTOMERS,
                EVENTS_PER_CUSTOMER,
                CLIENTS,
                RUN.toSeconds(),
                WARM_UP.toSeconds(),
                DOWN.serviceName(),
                SETTLE.toSeconds(),
                DOWN == Service.TRACKING ? " (customers with the personalisation consent only)" : "",
                timeout,
                TIMEOUT_SETTING));
        report.line("");
        report.table();
        report.figure(
                "all up: **p99**",
                Measured.of(allUp, Wrk.Result::p99),
                "**%,.2f ms**",
                Target.below(150, "p99 < 150 ms"));
        report.figure("all up: p50", Measured.of(allUp, Wrk.Result::p50), "%,.2f ms");
        report.figure("all up: views/s", Measured.of(allUp, Wrk.Result::perSecond), "%,.0f/s");
        report.figure(
                DOWN.serviceName() + " stopped: **p99**",
                Measured.of(down, Wrk.Result::p99),
                "**%,.2f ms**",
                Target.atMost(
                        timeout + OVER_TIMEOUT_MS,
                        String.format(
                                "p99 ≤ %d ms (timeout %d ms + %d ms)",
                                timeout + OVER_TIMEOUT_MS, timeout, OVER_TIMEOUT_MS)));
        report.figure(DOWN.serviceName() + " stopped: p50", Measured.of(down, Wrk.Result::p50), "%,.2f ms");
        report.figure(DOWN.serviceName() + " stopped: views/s", Measured.of(down, Wrk.Result::perSecond), "%,.0f/s");
        report.line("");
        report.heading("Wrong answers");
        if (wrongAnswers.isEmpty()) {
            report.line("None: every view of every run (warm-up and settling included) was 200 and as checked.");
        } else {
            report.line("Views that were not 200 or not as checked, per run (status, problem type, title and detail, "
                    + "or the check a 200 failed; at most " + DESCRIBED_PER_CLIENT + " described per client):");
            report.line("");
            wrongAnswers.forEach(report::line);
        }
        report.line("");
    }

    /**
     * One load of views ({@code marker} empty: all up), its wrong answers counted and described in
     * {@link #wrongAnswers}; more than {@link #MAX_WRONG_SHARE} of them is a view that does not work, not a figure.
     */
    private Wrk.Result views(String label, Path ids, Duration duration, String marker) throws Exception {
        Wrk.Result result =
                wrk.counting("view360.lua", profileUrl, CLIENTS, CLIENTS, duration, sales(), ids.toString(), marker);
        if (result.wrong() > 0) {
            wrongAnswers.add(String.format(
                    "- %s: %,d of %,d views wrong: %s",
                    label, result.wrong(), result.requests(), String.join("; ", result.failures())));
            System.out.printf(
                    "[bench] view360, %s: %,d of %,d views wrong: %s%n",
                    label, result.wrong(), result.requests(), result.failures());
        }
        if (result.wrong() > MAX_WRONG_SHARE * Math.max(1, result.requests())) {
            throw new IllegalStateException(String.format(
                    "view360, %s: %,d of %,d views wrong, the first: %s",
                    label, result.wrong(), result.requests(), result.failures()));
        }
        return result;
    }

    /**
     * The timeout profile-service gives each remote call of the view: the suite's setting for its services, else the
     * environment the services inherit from the harness, else the default in profile-service's application.properties.
     */
    static int configuredTimeoutMillis(Map<String, String> serviceSettings, Path repoRoot) throws IOException {
        String value = serviceSettings.getOrDefault(TIMEOUT_SETTING, System.getenv(TIMEOUT_SETTING));
        if (value != null && !value.isBlank()) {
            return Integer.parseInt(value.trim());
        }
        Path properties = repoRoot.resolve("profile-service/src/main/resources/application.properties");
        Matcher shipped = SHIPPED_TIMEOUT.matcher(Files.readString(properties));
        if (!shipped.find()) {
            throw new IllegalStateException(
                    "the 360° view's timeout setting (" + TIMEOUT_SETTING + ") is not in " + properties);
        }
        return Integer.parseInt(shipped.group(1));
    }

    /** The view's field a stopped service's part is in. */
    static String partOf(Service service) {
        return switch (service) {
            case BEHAVIOUR -> "kpis";
            case CONSENT -> "consents";
            case TRACKING -> "webVisits";
            default ->
                throw new IllegalArgumentException(
                        "the 360° view asks behaviour, consent and tracking, not " + service.serviceName());
        };
    }

    /** The seeded customers' ids, all and those with the personalisation consent, in files for the wrk script. */
    private record Seeded(Path all, Path personalised, List<String> ids) {}

    private Seeded seed() throws Exception {
        long begin = System.nanoTime();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = createCustomers(run);
        for (String purpose : PURPOSES) {
            purposeTexts.put(
                    purpose,
                    BenchSuite.readOk(
                                    suite.get(
                                            suite.url(Service.CONSENT) + "/api/v1/purposes/" + purpose,
                                            suite.shopToken(Service.CONSENT)),
                                    "the purpose " + purpose)
                            .get("current"));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Parallel.forEach(CUSTOMERS, SEED_CLIENTS, i -> {
            UUID subject = UUID.fromString(ids.get(i));
            if (personalised(i)) {
                for (String purpose : PURPOSES) {
                    grant(subject, purpose);
                }
                // within tracking-service's opencdp.tracking.max-client-time-age (a day)
                sendEvents(subject, now.minus(5 + i % 600, ChronoUnit.MINUTES));
            }
            recordTimeline(subject, now.minus(1 + i % 30, ChronoUnit.DAYS));
        });
        importOrders(ids, run, now);
        JsonNode recomputed = BenchSuite.readOk(
                suite.post(suite.url(Service.BEHAVIOUR) + "/api/v1/kpis/recompute", suite.token(DemoUser.ANALYST), ""),
                "the KPI recompute");
        Path dir = suite.repoRoot().resolve("bench/target");
        Files.createDirectories(dir);
        Path all = Files.write(dir.resolve("view360-customers.txt"), ids);
        List<String> withConsent = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            if (personalised(i)) {
                withConsent.add(ids.get(i));
            }
        }
        Path personalised = Files.write(dir.resolve("view360-personalised.txt"), withConsent);
        System.out.printf(
                "[bench] view360: seeded %,d customers in %.0f s; recompute: %s%n",
                CUSTOMERS, (System.nanoTime() - begin) / 1e9, recomputed);
        return new Seeded(all, personalised, ids);
    }

    private static boolean personalised(int i) {
        return i % 2 == 0;
    }

    private static boolean buyer(int i) {
        return i % 4 != 3;
    }

    /** Persons with e-mail addresses of this run, so the scenario can run on a suite that has other customers. */
    private List<String> createCustomers(String run) throws Exception {
        int batches = (CUSTOMERS + CustomerLoader.BATCH_SIZE - 1) / CustomerLoader.BATCH_SIZE;
        String[][] created = new String[batches][];
        Parallel.forEach(batches, SEED_CLIENTS, b -> {
            int first = b * CustomerLoader.BATCH_SIZE;
            int size = Math.min(CustomerLoader.BATCH_SIZE, CUSTOMERS - first);
            StringBuilder body = new StringBuilder("{\"customers\":[");
            for (int i = first; i < first + size; i++) {
                body.append(i == first ? "" : ",")
                        .append(String.format(
                                "{\"type\":\"PERSON\",\"givenName\":\"Erika\",\"familyName\":\"Rundumblick %d\","
                                        + "\"language\":\"de\",\"emails\":[{\"address\":\"v360.%s.%d@example.de\"}],"
                                        + "\"phones\":[{\"number\":\"0152 %08d\",\"type\":\"MOBILE\"}]}",
                                i, run, i, i));
            }
            HttpResponse<String> answer = suite.post(
                    profileUrl + "/api/v1/customers/batch",
                    suite.token(DemoUser.SALES),
                    body.append("]}").toString());
            JsonNode createdNow = readStatus(answer, 201, "creating customers");
            created[b] = new String[size];
            for (int c = 0; c < size; c++) {
                created[b][c] = createdNow.get("created").get(c).get("id").asText();
            }
        });
        List<String> ids = new ArrayList<>(CUSTOMERS);
        for (String[] batch : created) {
            ids.addAll(List.of(batch));
        }
        return ids;
    }

    private void grant(UUID subject, String purpose) throws Exception {
        JsonNode current = purposeTexts.get(purpose);
        readStatus(
                suite.post(
                        suite.url(Service.CONSENT) + "/api/v1/consents",
                        suite.shopToken(Service.CONSENT),
                        "{\"subjectId\":\"" + subject + "\",\"purpose\":\"" + purpose + "\",\"version\":"
                                + current.get("version").asInt() + ",\"language\":\"en\",\"textHash\":\""
                                + current.get("texts").get("en").get("hash").asText()
                                + "\",\"channel\":\"WEB_FORM\"}"),
                201,
                "a consent grant");
    }

    private void sendEvents(UUID subject, Instant start) throws Exception {
        JsonNode answer = BenchSuite.readOk(
                suite.post(
                        suite.url(Service.TRACKING) + "/api/v1/events",
                        suite.shopToken(Service.TRACKING),
                        RetentionSeed.eventBatch(
                                subject, subject.toString().replace("-", ""), start, 0, EVENTS_PER_CUSTOMER)),
                "an event batch");
        if (answer.get("accepted").asInt() != EVENTS_PER_CUSTOMER) {
            throw new IllegalStateException("an event batch of " + EVENTS_PER_CUSTOMER + " was answered " + answer);
        }
    }

    private void recordTimeline(UUID subject, Instant at) throws Exception {
        String timeline = profileUrl + "/api/v1/customers/" + subject + "/timeline";
        String agent = suite.token(DemoUser.SERVICE);
        readStatus(
                suite.post(
                        timeline,
                        agent,
                        "{\"channel\":\"CALL\",\"direction\":\"INBOUND\",\"occurredAt\":\"" + at
                                + "\",\"durationSeconds\":312,\"summary\":\"Asked about the delivery date\"}"),
                201,
                "a timeline entry");
        readStatus(
                suite.post(
                        timeline,
                        agent,
                        "{\"channel\":\"NOTE\",\"direction\":\"INTERNAL\",\"occurredAt\":\"" + at.plusSeconds(600)
                                + "\",\"summary\":\"Promised a call back\"}"),
                201,
                "a timeline entry");
    }

    /** 1 to 4 orders for three of four customers, in one bulk import as the shop. */
    private void importOrders(List<String> ids, String run, Instant now) throws Exception {
        StringBuilder ndjson = new StringBuilder();
        int orders = 0;
        for (int i = 0; i < CUSTOMERS; i++) {
            if (buyer(i)) {
                int count = 1 + i % 4;
                ndjson.append(RetentionSeed.orders(
                        UUID.fromString(ids.get(i)),
                        "V" + run + "-" + i,
                        now.minus(1 + i % 90, ChronoUnit.DAYS),
                        count));
                orders += count;
            }
        }
        HttpResponse<String> answer =
                suite.send(HttpRequest.newBuilder(URI.create(suite.url(Service.BEHAVIOUR) + "/api/v1/orders/bulk"))
                        .header("Authorization", "Bearer " + suite.shopToken(Service.BEHAVIOUR))
                        .header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(ndjson.toString())));
        JsonNode imported = BenchSuite.readOk(answer, "the orders' import");
        if (imported.get("created").asInt() != orders) {
            throw new IllegalStateException("the import of " + orders + " orders answered " + imported);
        }
    }

    /**
     * Before measuring "all up": a sample of views is complete, the KPIs where there are orders and the web visits
     * where they are consented to, so the figure is that of a view that asked every service. Each view is asked
     * again for a while: the first calls of a fresh REST client may still time out.
     */
    private void checkComplete(Seeded seeded) throws Exception {
        for (int i = 0; i < Math.min(CUSTOMERS, 20); i++) {
            long giveUp = System.nanoTime() + COMPLETE_WITHIN.toNanos();
            JsonNode view = view(seeded.ids().get(i));
            while (!complete(view, i)) {
                if (System.nanoTime() > giveUp) {
                    throw new IllegalStateException("the view of seeded customer " + i + " is not complete within "
                            + COMPLETE_WITHIN.toSeconds() + " s: " + view);
                }
                Thread.sleep(1_000);
                view = view(seeded.ids().get(i));
            }
        }
    }

    private JsonNode view(String id) throws Exception {
        return BenchSuite.readOk(suite.get(profileUrl + "/api/v1/customers/" + id + "/360", sales()), "the 360° view");
    }

    private static boolean complete(JsonNode view, int i) {
        return !view.toString().contains("\"unavailable\"")
                && view.path("timeline").size() == 2
                && (!buyer(i) || view.path("kpis").has("totalRevenue"))
                && (!personalised(i) || view.path("webVisits").path("visits").asLong() > 0);
    }

    private String sales() {
        return suite.token(DemoUser.SALES);
    }

    private static JsonNode readStatus(HttpResponse<String> answer, int status, String what) throws Exception {
        if (answer.statusCode() != status) {
            throw new IllegalStateException(what + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return BenchSuite.JSON.readTree(answer.body());
    }
}
