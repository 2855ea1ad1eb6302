package org.opencdp.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
    private static final int FILL_CHUNK = 50_000;
    /** Customers per request in bench/wrk/create-customers-batch.lua. */
    private static final int BATCH_SIZE = 100;

    private final BenchSuite suite;
    private final Wrk wrk;
    private final String baseUrl;
    private final StringBuilder report = new StringBuilder();

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
                        post(i);
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
        System.out.printf("[bench] seeded %,d customers%n", SEEDED);
    }

    private void create() throws Exception {
        // The first run warms the JIT and the connection pools (on two busy cores the JIT takes about a minute to
        // settle); only the second is reported.
        wrk.run("create-customer.lua", baseUrl, 2, 8, WARM_UP, token(), "100000000");
        Wrk.Result result = wrk.run("create-customer.lua", baseUrl, 2, 8, RUN, token(), "200000000");
        line("## Create");
        line("");
        line(String.format("One customer per request, `POST /api/v1/customers`, 8 connections, %d s: **%,.0f "
                + "customers/s** (target: at least 1,000/s), %,d created. Latency: %s.", RUN.toSeconds(),
                result.perSecond(), result.requests(), result.latency()));
        line("");
        wrk.run("create-customers-batch.lua", baseUrl, 2, 4, WARM_UP, token(), "300000000");
        Wrk.Result batches = wrk.run("create-customers-batch.lua", baseUrl, 2, 4, RUN, token(), "400000000");
        line(String.format("100 customers per request, `POST /api/v1/customers/batch`, 4 connections, %d s: **%,.0f "
                + "customers/s**, %,d created. Latency of one batch: %s.", RUN.toSeconds(),
                batches.perSecond() * BATCH_SIZE, batches.requests() * BATCH_SIZE, batches.latency()));
        line("");
    }

    private void fill() throws SQLException, InterruptedException {
        long begin = System.nanoTime();
        try (Connection c = suite.stack().postgres().connect(Service.PROFILE.database())) {
            long created = count(c, "SELECT count(*) FROM customer");
            byte[] sampleProfile;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT profile FROM customer WHERE kind = 'PERSON' LIMIT 1")) {
                rs.next();
                sampleProfile = rs.getBytes(1);
            }
            try (PreparedStatement fill = c.prepareStatement("""
                    WITH c AS (
                        INSERT INTO customer (id, kind, version, profile, created_at, updated_at)
                        SELECT gen_random_uuid(), 'PERSON', 0, ?, now(), now() FROM generate_series(1, ?)
                        RETURNING id)
                    INSERT INTO customer_search_term (term_kind, hash, customer_id)
                    SELECT t.kind, decode(md5(random()::text || c.id::text || t.kind || t.n), 'hex'), c.id
                      FROM c CROSS JOIN (VALUES ('NAME', 1), ('NAME', 2), ('EMAIL', 1), ('PHONE', 1), ('POSTCODE', 1))
                                         AS t(kind, n)""")) {
                for (long remaining = CUSTOMERS - created; remaining > 0; remaining -= FILL_CHUNK) {
                    fill.setBytes(1, sampleProfile);
                    fill.setInt(2, (int) Math.min(FILL_CHUNK, remaining));
                    fill.executeUpdate();
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE customer");
                s.execute("VACUUM ANALYZE customer_search_term");
                // Write the fill out now rather than during the measurements.
                s.execute("CHECKPOINT");
            }
            awaitOutboxDrained(c);
            line("## Data set");
            line("");
            line(String.format("%,d customers (%,d created through the API, the rest filler rows), %,d blind-index "
                    + "entries; filled in %.0f s.", count(c, "SELECT count(*) FROM customer"), created,
                    count(c, "SELECT count(*) FROM customer_search_term"), (System.nanoTime() - begin) / 1e9));
            line("");
        }
    }

    /** The searches should not compete with the outbox relay still sending the creates' events. */
    private static void awaitOutboxDrained(Connection c) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (count(c, "SELECT count(*) FROM outbox_delivery WHERE delivered_at IS NULL") > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the outbox did not drain within " + DRAIN.toMinutes() + " minutes");
            }
            Thread.sleep(1000);
        }
    }

    private void search() throws Exception {
        String seeded = String.valueOf(SEEDED);
        wrk.run("search-customer.lua", baseUrl, 1, 1, WARM_UP, token(), "mixed", seeded, "1");
        Wrk.Result byPhone = wrk.run("search-customer.lua", baseUrl, 1, 1, RUN, token(), "phone", seeded, "1");
        Wrk.Result byEmail = wrk.run("search-customer.lua", baseUrl, 1, 1, RUN, token(), "email", seeded, "1");
        line("## Search, one client (each search waits for the previous answer)");
        line("");
        line("| search | searches | latency |");
        line("|---|---|---|");
        line(String.format("| by phone (`0151 …`, `+49 151 …`, `0049-151-…` in turn) | %,d | %s |", byPhone.requests(),
                byPhone.latency()));
        line(String.format("| by e-mail | %,d | %s |", byEmail.requests(), byEmail.latency()));
        line("");
        line("Target: p99 under 5 ms. Every answer was checked: exactly the customer searched for.");
        line("");
        Wrk.Result parallel = wrk.run("search-customer.lua", baseUrl, 2, 8, RUN, token(), "mixed", seeded, "0");
        line("## Search throughput, 8 connections");
        line("");
        line(String.format("**%,.0f searches/s** (phone and e-mail in turn); latency under this load: %s.",
                parallel.perSecond(), parallel.latency()));
        line("");
    }

    private void post(int i) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/customers"))
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(person(i))).build();
        HttpResponse<Void> response = suite.http().send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("create of customer " + i + " answered " + response.statusCode());
        }
    }

    /** Matches bench/wrk/search-customer.lua: customer.i@example.de, 0151 (10,000,000 + i). */
    private static String person(int i) {
        return """
                {"type":"PERSON","salutation":"%s","givenName":"Kunde","familyName":"Nummer %d","birthDate":"%d-%02d-%02d",
                 "gender":"%s","language":"de",
                 "addresses":[{"type":"HOME","street":"Hauptstraße %d","postcode":"%05d","city":"Köln","country":"DE"}],
                 "emails":[{"address":"customer.%d@example.de","primary":true}],
                 "phones":[{"number":"0151 %d","type":"MOBILE","primary":true}],
                 "preferredPaymentMethod":{"type":"CREDIT_CARD","maskedReference":"**** **** **** %04d"},
                 "interests":["outdoor","dogs"],"acquisitionSource":"ONLINE_SHOP"}"""
                .formatted(i % 2 == 0 ? "MS" : "MR", i, 1950 + i % 55, 1 + i % 12, 1 + i % 28,
                        i % 2 == 0 ? "FEMALE" : "MALE", 1 + i % 200, 10000 + i % 89999, i, 10_000_000 + i, i % 10000);
    }

    private String token() {
        return suite.token(DemoUser.SALES);
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void line(String text) {
        System.out.println(text);
        report.append(text).append('\n');
    }
}
