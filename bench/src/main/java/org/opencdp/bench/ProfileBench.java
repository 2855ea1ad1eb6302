package org.opencdp.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.opencdp.localstack.DemoUser;
import org.opencdp.localstack.Service;

/**
 * profile-service's targets (issue 4): create at least 1,000 customers/s; search by phone or e-mail among
 * 1,000,000 customers with a p99 under 5 ms. What each step does and why is in bench/README.md.
 */
final class ProfileBench {

    private static final int SEEDED = Integer.getInteger("bench.seeded", 20_000);
    private static final int CUSTOMERS = Integer.getInteger("bench.customers", 1_000_000);
    private static final Duration RUN = Duration.ofSeconds(Integer.getInteger("bench.seconds", 30));
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warm-up-seconds", 60));
    private static final Duration DRAIN = Duration.ofMinutes(3);
    private static final int SEED_CLIENTS = 4;
    /** Connections that fill the database through the batch endpoint, as many as the batch benchmark uses. */
    private static final int FILL_CLIENTS = 4;
    /** Customers per request in bench/wrk/create-customers-batch.lua. */
    private static final int BATCH_SIZE = CustomerLoader.BATCH_SIZE;

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(15);

    private final BenchSuite suite;
    private final Wrk wrk;
    private final String baseUrl;
    private final StringBuilder report = new StringBuilder();
    /** Customers the API answered 201 for so far (seed and timed creates). */
    private long created;

    private ProfileBench(BenchSuite suite, Path repoRoot) {
        this.suite = suite;
        this.wrk = new Wrk(repoRoot);
        this.baseUrl = suite.url(Service.PROFILE);
    }

    static void run(Path repoRoot) throws Exception {
        try (BenchSuite suite = BenchSuite.start(repoRoot)) {
            ProfileBench bench = new ProfileBench(suite, repoRoot);
            bench.line("# profile-service benchmark, " + LocalDate.now());
            bench.line("");
            bench.line("Machine: " + Machine.describe() + ". PostgreSQL, Keycloak, the five services and the load "
                    + "generator (wrk) all share it. Method: bench/README.md.");
            bench.line("");
            bench.seed();
            bench.create();
            bench.fill();
            bench.search();
            Path out = repoRoot.resolve("bench/results/profile-service.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, bench.report);
            System.out.println("\nReport written to " + repoRoot.relativize(out));
        }
    }

    /** The customers the searches look for, with e-mail addresses and phone numbers derived from their number. */
    private void seed() throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(SEED_CLIENTS);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < SEED_CLIENTS; c++) {
                clients.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < SEEDED; i = next.getAndIncrement()) {
                        post(Persons.seeded(i));
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
        } finally {
            pool.shutdownNow();
        }
        created += SEEDED;
        System.out.printf("[bench] seeded %,d customers%n", SEEDED);
    }

    private void create() throws Exception {
        // The first run warms the JIT and the connection pools (on two busy cores the JIT takes about a minute to
        // settle); only the second is reported.
        Wrk.Result warmUp = wrk.run("create-customer.lua", baseUrl, 2, 8, WARM_UP, token(), "100000000");
        Diagnostics.Phase phase = suite.diagnostics().begin("create, one per request");
        Wrk.Result result = wrk.run("create-customer.lua", baseUrl, 2, 8, RUN, token(), "200000000");
        List<String> whatRan = phase.end();
        created += warmUp.requests() + result.requests();
        line("## Create");
        line("");
        line(String.format(
                "One customer per request, `POST /api/v1/customers`, 8 connections, %d s: **%,.0f "
                        + "customers/s** (target: at least 1,000/s), %,d created. Latency: %s.",
                RUN.toSeconds(), result.perSecond(), result.requests(), result.latency()));
        line("");
        whatRan.forEach(this::line);
        Wrk.Result batchWarmUp = wrk.run("create-customers-batch.lua", baseUrl, 2, 4, WARM_UP, token(), "300000000");
        Wrk.Result batches = wrk.run("create-customers-batch.lua", baseUrl, 2, 4, RUN, token(), "400000000");
        created += (batchWarmUp.requests() + batches.requests()) * BATCH_SIZE;
        line(String.format(
                "100 customers per request, `POST /api/v1/customers/batch`, 4 connections, %d s: **%,.0f "
                        + "customers/s**, %,d created. Latency of one batch: %s.",
                RUN.toSeconds(), batches.perSecond() * BATCH_SIZE, batches.requests() * BATCH_SIZE, batches.latency()));
        line("");
    }

    /**
     * Fills the database to its size through the API, as an import would (bench/README.md, step 4), then lets
     * PostgreSQL settle and the outbox drain, so that the searches measure searching alone.
     */
    private void fill() throws Exception {
        long begin = System.nanoTime();
        int filler = (int) Math.max(0, CUSTOMERS - created);
        if (filler > 0) {
            System.out.printf(
                    "[bench] filling to %,d customers: %,d more through POST /api/v1/customers/batch%n",
                    CUSTOMERS, filler);
            new CustomerLoader(suite, baseUrl, FILL_CLIENTS).load(0, filler, Persons::filler);
        }
        double loadSeconds = (System.nanoTime() - begin) / 1e9;
        long beforeFill = created;
        created += filler;
        awaitOutboxDrained();
        try (Connection c = suite.stack().postgres().connect(Service.PROFILE.database());
                Statement s = c.createStatement()) {
            // Maintenance of the whole database, as an operator would after a large import: fresh statistics, and
            // the import written out now rather than during the measurements.
            s.execute("VACUUM ANALYZE");
            s.execute("CHECKPOINT");
        }
        line("## Data set");
        line("");
        line(
                filler == 0
                        ? String.format(
                                "%,d customers, all created through the API by the steps above (counted from the "
                                        + "API's answers).",
                                created)
                        : String.format(
                                "%,d customers (counted from the API's answers), all created through the API: %,d by "
                                        + "the steps above, %,d more in "
                                        + "batches of %d over %d connections in %.0f s (%,.0f customers/s while the outbox relay "
                                        + "delivered their events), complete persons each.",
                                created,
                                beforeFill,
                                filler,
                                BATCH_SIZE,
                                FILL_CLIENTS,
                                loadSeconds,
                                filler / loadSeconds));
        line("");
    }

    /**
     * The searches should not compete with the outbox relay still sending the creates' events: waits until
     * profile-service's gauge {@code opencdp_outbox_pending} is 0, as long as the relay makes progress.
     */
    private void awaitOutboxDrained() throws IOException, InterruptedException {
        long pending = outboxPending();
        long lastProgress = System.nanoTime();
        long nextReport = lastProgress;
        while (pending > 0) {
            if (System.nanoTime() >= nextReport) {
                System.out.printf("[bench] waiting for the outbox: %,d events still to deliver%n", pending);
                nextReport = System.nanoTime() + PROGRESS_EVERY.toNanos();
            }
            Thread.sleep(1000);
            long now = outboxPending();
            if (now < pending) {
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > DRAIN.toNanos()) {
                throw new IllegalStateException("the outbox delivered nothing for " + DRAIN.toMinutes() + " minutes");
            }
            pending = now;
        }
    }

    /** Events not yet delivered to any subscriber, from profile-service's metrics. */
    private long outboxPending() throws IOException, InterruptedException {
        HttpResponse<String> metrics = suite.http()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/q/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        List<Long> gauges = metrics.body()
                .lines()
                .filter(l -> l.startsWith("opencdp_outbox_pending{"))
                .map(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .toList();
        if (metrics.statusCode() != 200 || gauges.isEmpty()) {
            throw new IllegalStateException(
                    "profile-service's /q/metrics has no opencdp_outbox_pending (HTTP " + metrics.statusCode() + ")");
        }
        return gauges.stream().mapToLong(Long::longValue).sum();
    }

    private void search() throws Exception {
        String seeded = String.valueOf(SEEDED);
        wrk.run("search-customer.lua", baseUrl, 1, 1, WARM_UP, token(), "mixed", seeded, "1");
        Diagnostics.Phase phonePhase = suite.diagnostics().begin("search by phone, one client");
        Wrk.Result byPhone = wrk.run("search-customer.lua", baseUrl, 1, 1, RUN, token(), "phone", seeded, "1");
        List<String> duringPhone = phonePhase.end();
        Diagnostics.Phase emailPhase = suite.diagnostics().begin("search by e-mail, one client");
        Wrk.Result byEmail = wrk.run("search-customer.lua", baseUrl, 1, 1, RUN, token(), "email", seeded, "1");
        List<String> duringEmail = emailPhase.end();
        line("## Search, one client (each search waits for the previous answer)");
        line("");
        line("| search | searches | latency |");
        line("|---|---|---|");
        line(String.format(
                "| by phone (`0151 …`, `+49 151 …`, `0049-151-…` in turn) | %,d | %s |",
                byPhone.requests(), byPhone.latency()));
        line(String.format("| by e-mail | %,d | %s |", byEmail.requests(), byEmail.latency()));
        line("");
        line("Target: p99 under 5 ms. Every answer was checked: exactly the customer searched for.");
        line("");
        duringPhone.forEach(this::line);
        duringEmail.forEach(this::line);
        Wrk.Result parallel = wrk.run("search-customer.lua", baseUrl, 2, 8, RUN, token(), "mixed", seeded, "0");
        line("## Search throughput, 8 connections");
        line("");
        line(String.format(
                "**%,.0f searches/s** (phone and e-mail in turn); latency under this load: %s.",
                parallel.perSecond(), parallel.latency()));
        line("");
    }

    private void post(String person) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/customers"))
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(person))
                .build();
        HttpResponse<String> response = suite.http().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("a create answered " + response.statusCode() + ": " + response.body());
        }
    }

    private String token() {
        return suite.token(DemoUser.SALES);
    }

    private void line(String text) {
        System.out.println(text);
        report.append(text).append('\n');
    }
}
