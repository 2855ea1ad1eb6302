package org.opencdp.bench;

import static org.opencdp.bench.BenchSettings.RUN;
import static org.opencdp.bench.BenchSettings.RUNS;
import static org.opencdp.bench.BenchSettings.WARM_UP;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.opencdp.localstack.Service;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * tracking-service's targets (issue 11): ingestion of 100-event batches through HTTP with the consent gate on at no
 * less than 40 % of a PostgreSQL COPY of the same rows into the same table, a batch's p99 under 50 ms at that load,
 * and a revocation acknowledged by consent-service refused by the gate within 1 s (and the visitor's events deleted).
 * The capacity comes from saturated runs (wrk); the p99 is judged at the target load, 40 % of the COPY's events/s
 * offered in batches at a fixed rate ({@link OpenLoop}).
 */
final class TrackingBench implements Scenario {

    /** Visitors with web-analytics consent whose events the load sends. */
    private static final int VISITORS = Integer.getInteger("bench.tracking.visitors", 1_000);
    /** Revocations whose delay is measured, each of its own visitor. */
    private static final int REVOCATIONS = Integer.getInteger("bench.tracking.revocations", 10);

    private static final String PURPOSE = "web-analytics";
    private static final int BATCH = 100;
    private static final int PER_VISITOR = 10;
    /** The target load: this share of the COPY's events/s in the same run. */
    private static final double TARGET_SHARE = 0.4;

    private static final int THREADS = 2;
    private static final int CONNECTIONS = 8;
    /**
     * Connections of the load at the target rate ({@link OpenLoop}): enough that none is still busy when its next
     * request is due (a batch takes tens of milliseconds, so 16 keep a few hundred batches a second).
     */
    private static final int PACED_CONNECTIONS = 16;

    private static final Duration POLL = Duration.ofMillis(10);
    private static final Duration GIVE_UP = Duration.ofSeconds(60);

    @Override
    public String name() {
        return "tracking";
    }

    @Override
    public String title() {
        return "tracking-service benchmark (issue 11)";
    }

    @Override
    public Duration expectedDuration() {
        return Duration.ofSeconds((VISITORS + REVOCATIONS) / 300 + 30L + REVOCATIONS * 3L)
                .plus(BenchSettings.load())
                .plus(RUN.multipliedBy(RUNS));
    }

    @Override
    public void run(BenchSuite suite, Report report) throws Exception {
        String baseUrl = suite.url(Service.TRACKING);
        grant(suite, VISITORS + REVOCATIONS);
        Wrk wrk = new Wrk(suite.repoRoot());
        String visitors = String.valueOf(VISITORS);
        wrk.run("tracking-collect.lua", baseUrl, THREADS, CONNECTIONS, WARM_UP, baseUrl, visitors, "0");
        List<Wrk.Result> http = new ArrayList<>();
        List<CpuPerOperation.Cost> trackingCpu = new ArrayList<>();
        List<CpuPerOperation.Cost> consentCpu = new ArrayList<>();
        List<WalActivity.Written> wal = new ArrayList<>();
        List<WalActivity.Written> pacedWal = new ArrayList<>();
        Connection statistics = suite.database(Service.TRACKING);
        for (int run = 1; run <= RUNS; run++) {
            CpuPerOperation tracking = CpuPerOperation.start(suite.stack(), Service.TRACKING);
            CpuPerOperation consent = CpuPerOperation.start(suite.stack(), Service.CONSENT);
            WalActivity written = WalActivity.start(statistics);
            http.add(wrk.run(
                    "tracking-collect.lua",
                    baseUrl,
                    THREADS,
                    CONNECTIONS,
                    RUN,
                    baseUrl,
                    visitors,
                    String.valueOf(run)));
            trackingCpu.add(tracking.end(http.getLast().requests() * BATCH));
            consentCpu.add(consent.end(http.getLast().requests() * BATCH));
            wal.add(written.end(http.getLast().requests() * BATCH));
        }
        CopyCeiling ceiling = copyCeiling(suite, RUNS);
        List<Double> share = new ArrayList<>();
        List<OpenLoop.Result> paced = new ArrayList<>();
        List<JvmGc> trackingGc = new ArrayList<>();
        List<ConsentBench.GcFigures> trackingGcFigures = new ArrayList<>();
        List<ConsentBench.GcFigures> consentGcFigures = new ArrayList<>();
        OpenLoop openLoop = new OpenLoop(PACED_CONNECTIONS);
        warmUpGenerator();
        for (int run = 0; run < RUNS; run++) {
            share.add(http.get(run).perSecond() * BATCH / ceiling.perSecond().get(run) * 100);
            // Sessions of their own (runs after the saturated ones), so no event is a resend of another.
            WalActivity written = WalActivity.start(statistics);
            JvmGc trackingBefore = gc(suite, Service.TRACKING);
            JvmGc consentBefore = gc(suite, Service.CONSENT);
            paced.add(atTargetLoad(
                    suite, openLoop, TARGET_SHARE * ceiling.perSecond().get(run) / BATCH, RUNS + 1 + run));
            pacedWal.add(written.end((long) paced.getLast().latencyNanos().length * BATCH));
            trackingGc.add(gc(suite, Service.TRACKING).since(trackingBefore));
            trackingGcFigures.add(ConsentBench.GcFigures.of(trackingGc.getLast(), paced.getLast()));
            consentGcFigures.add(
                    ConsentBench.GcFigures.of(gc(suite, Service.CONSENT).since(consentBefore), paced.getLast()));
            System.out.printf(
                    "[bench] tracking-service's collections in the run: %.0f pauses, %.0f of them full (%.0f ms in "
                            + "all)%n",
                    trackingGc.getLast().pauses(),
                    trackingGc.getLast().majorPauses(),
                    trackingGc.getLast().majorPauseSeconds() * 1000);
        }
        statistics.close();
        report.heading("Ingestion");
        report.line(String.format(
                "`POST /api/v1/collect/site_demo` as the tracker sends it, %d events per batch (10 visitors among "
                        + "%,d with web-analytics consent recorded at consent-service, 10 events each), %d "
                        + "connections, %d s per run after a %d s warm-up; every answer checked: all %d accepted, "
                        + "so each went through the consent gate (one batch decision per batch unless remembered, "
                        + "at most 1 s). The ceiling: the rows the last run stored, read back with `COPY (SELECT …) "
                        + "TO STDOUT`, deleted, and written again with `COPY tracked_event FROM STDIN` (the JDBC "
                        + "driver's CopyManager, the protocol psql's `\\copy` uses) into the same partitioned table "
                        + "with its indexes, in the bench's own cluster (fsync on): %,d rows per COPY.",
                BATCH, VISITORS, CONNECTIONS, RUN.toSeconds(), WARM_UP.toSeconds(), BATCH, ceiling.rows()));
        report.line("");
        report.line(String.format(
                "Latency at the target load: after the COPY, for each run, the same batches offered at a fixed "
                        + "rate of %.0f %% of that run's COPY events/s for %d s, each latency counted from when the "
                        + "batch was due (no coordinated omission); ✔/✘ of the p99 is judged there, the saturated "
                        + "p99 (a queue of %d connections) is shown beside it (bench/README.md).",
                TARGET_SHARE * 100, RUN.toSeconds(), CONNECTIONS));
        report.line("");
        report.table();
        report.figure(
                "ingestion through HTTP, consent gate on",
                Measured.of(http, r -> r.perSecond() * BATCH),
                "**%,.0f events/s**");
        report.figure("COPY of the same rows (the ceiling)", new Measured(ceiling.perSecond()), "%,.0f events/s");
        report.figure("**share of the COPY**", new Measured(share), "**%.0f %%**", Target.atLeast(40, "≥ 40 %"));
        report.figure(
                "target load (40 % of the COPY): events/s offered",
                Measured.of(paced, r -> r.offered() * BATCH), "%,.0f events/s");
        report.figure(
                "target load: events/s achieved", Measured.of(paced, r -> r.perSecond() * BATCH), "%,.0f events/s");
        OpenLoop.report(report, "a 100-event batch at the target load", paced, Target.below(50, "p99 < 50 ms"));
        report.figure(
                "a 100-event batch at saturation (%d connections): p99".formatted(CONNECTIONS),
                Measured.of(http, Wrk.Result::p99),
                "%,.2f ms");
        report.figure("a 100-event batch at saturation: p50", Measured.of(http, Wrk.Result::p50), "%,.2f ms");
        report.line("");
        report.heading("CPU per 1,000 events");
        report.line("CPU seconds used during each measured ingestion run, from /proc, per 1,000 events accepted: "
                + "tracking-service, consent-service (the gate's batch decisions) and PostgreSQL (server and "
                + "backends, both databases). Less noisy than events/s on a shared machine.");
        report.line("");
        report.table();
        report.figure("tracking-service", Measured.of(trackingCpu, CpuPerOperation.Cost::service), "**%,.3f s**");
        report.figure("consent-service", Measured.of(consentCpu, CpuPerOperation.Cost::service), "%,.3f s");
        report.figure("PostgreSQL", Measured.of(trackingCpu, CpuPerOperation.Cost::postgres), "**%,.3f s**");
        report.figure(
                "the load generator (the bench's JVM) at the target load, in cores",
                Measured.of(paced, OpenLoop.Result::generatorCores),
                "%,.2f");
        report.line("");
        report.heading("Write-ahead log");
        report.line(
                "What PostgreSQL wrote to its WAL (pg_stat_wal, the whole cluster) per 1,000 events accepted during "
                        + "each measured ingestion run, and the checkpoints that started meanwhile (pg_stat_bgwriter): one "
                        + "requested by WAL volume means max_wal_size was reached, after which every page's first change "
                        + "writes a full-page image again.");
        report.line("");
        report.table();
        report.figure("WAL per 1,000 events", Measured.of(wal, WalActivity.Written::megabytesPerThousand), "%,.2f MB");
        report.figure(
                "full-page images per 1,000 events",
                Measured.of(wal, WalActivity.Written::fullPageImagesPerThousand),
                "%,.0f");
        report.figure(
                "buffers the backends wrote out themselves per 1,000 events",
                Measured.of(wal, WalActivity.Written::backendWritesPerThousand),
                "%,.0f");
        report.figure(
                "checkpoints requested by WAL volume during a saturated run",
                Measured.of(wal, WalActivity.Written::checkpointsRequested),
                "%.0f");
        report.figure(
                "checkpoints requested by WAL volume during a run at the target load",
                Measured.of(pacedWal, WalActivity.Written::checkpointsRequested),
                "%.0f");
        report.figure(
                "WAL per 1,000 events at the target load",
                Measured.of(pacedWal, WalActivity.Written::megabytesPerThousand),
                "%,.2f MB");
        report.line("");
        report.heading("Garbage collection at the target load");
        report.line("The services' collections during each run at the target load (`jvm_gc_pause_seconds`, "
                + "`jvm_gc_memory_allocated_bytes_total` at /q/metrics, before and after the run), per batch: a pause "
                + "stops every request in the service, and the batches due meanwhile queue behind it. A full "
                + "collection stops it for the whole heap's marking and compaction.");
        report.line("");
        report.table();
        ConsentBench.gcFigures(report, "tracking-service", trackingGcFigures);
        report.figure(
                "tracking-service: full collections per run", Measured.of(trackingGc, JvmGc::majorPauses), "%.0f");
        report.figure(
                "tracking-service: full collections' pause per run",
                Measured.of(trackingGc, g -> g.majorPauseSeconds() * 1000),
                "%,.0f ms");
        ConsentBench.gcFigures(report, "consent-service (the gate's decisions)", consentGcFigures);
        report.line("");
        revocations(suite, report);
    }

    /**
     * Builds a few thousand batches, unsent, before the first run at the target load: the generator builds each
     * batch at its due time, on the suite's two cores, and its compilation by the JIT would otherwise fall into the
     * first run's first seconds (the saturated runs' batches come from wrk, not from this JVM).
     */
    private static void warmUpGenerator() {
        long bytes = 0;
        Instant first = Instant.now();
        for (int i = 0; i < 5_000; i++) {
            bytes += batch("5e" + "0".repeat(30), first.plusMillis(i * (long) BATCH))
                    .length();
        }
        System.out.printf("[bench] the generator warmed up (%,d batches, %,d characters)%n", 5_000, bytes);
    }

    private static JvmGc gc(BenchSuite suite, Service service) throws Exception {
        return JvmGc.scrape(suite.metrics(service));
    }

    /**
     * Batches as bench/wrk/tracking-collect.lua sends them (10 random visitors, 10 events each, client times 1 ms
     * apart in a session of the run's own) offered at {@code perSecond} for one run; every answer must say all
     * were accepted.
     */
    private static OpenLoop.Result atTargetLoad(BenchSuite suite, OpenLoop openLoop, double perSecond, int run)
            throws InterruptedException {
        String baseUrl = suite.url(Service.TRACKING);
        URI collect = URI.create(baseUrl + "/api/v1/collect/site_demo");
        String session = String.format("5e%06x%024x", run, 0);
        // An hour back, to the millisecond: client times stay within the accepted day however long the run is.
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(1, ChronoUnit.HOURS);
        Instant begun = Instant.now();
        OpenLoop.Result result = openLoop.run(
                perSecond,
                RUN,
                i -> OpenLoop.Request.post(
                        collect,
                        Map.of("Origin", baseUrl, "Content-Type", "text/plain;charset=UTF-8"),
                        batch(session, start.plusMillis((long) i * BATCH))),
                answer -> answer.statusCode() == 200 && answer.body().contains("\"accepted\":" + BATCH + ","));
        System.out.printf(
                "[bench] batches at %,.0f/s offered: %,.0f/s answered, p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, "
                        + "generator %.2f cores%n",
                perSecond, result.perSecond(), result.p50(), result.p99(), result.p999(), result.generatorCores());
        System.out.printf(
                "[bench] seconds of the run (begun %s) with batches over 50 ms, and their slowest: %s%n",
                begun, slowSeconds(result, perSecond, begun));
        System.out.printf("[bench] per second of the run (by due time): %s%n", perSecondFigures(result, perSecond));
        return result;
    }

    /**
     * For the log: each second's batches (by due time) with their p50, p99 and slowest latency, to see the shape of
     * a run (a backlog at its start, a stall in its middle) rather than only its percentiles.
     */
    static String perSecondFigures(OpenLoop.Result result, double perSecond) {
        long[] latency = result.latencyNanos();
        StringJoiner seconds = new StringJoiner("; ");
        for (int from = 0, second = 0; from < latency.length; second++) {
            int to = Math.min(latency.length, (int) Math.ceil((second + 1) * perSecond));
            long[] sorted = Arrays.copyOfRange(latency, from, to);
            Arrays.sort(sorted);
            seconds.add(String.format(
                    "%d s: %d, p50 %.0f, p99 %.0f, max %.0f ms",
                    second,
                    sorted.length,
                    OpenLoop.Result.percentile(sorted, 0.50),
                    OpenLoop.Result.percentile(sorted, 0.99),
                    sorted[sorted.length - 1] / 1e6));
            from = to;
        }
        return seconds.toString();
    }

    /**
     * For the log, to lay beside the server's and the services' logs: each second of the run in which a batch took
     * over 50 ms (by due time), with the slowest latency due in it.
     */
    private static String slowSeconds(OpenLoop.Result result, double perSecond, Instant begun) {
        TreeMap<Integer, Long> slowest = new TreeMap<>();
        long[] latency = result.latencyNanos();
        for (int i = 0; i < latency.length; i++) {
            if (latency[i] > 50_000_000L) {
                slowest.merge((int) (i / perSecond), latency[i], Math::max);
            }
        }
        StringJoiner seconds = new StringJoiner(", ");
        slowest.forEach((second, nanos) -> seconds.add(second + " s ("
                + LocalTime.ofInstant(begun.plusSeconds(second), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
                + " UTC): " + nanos / 1_000_000 + " ms"));
        return slowest.isEmpty() ? "none" : seconds.toString();
    }

    /**
     * One batch: page views, clicks and page leaves of 10 random visitors, client times from {@code first} on, in the
     * tracker's shape ({@code Date.toISOString()}: always three digits of milliseconds). Built in the bench's JVM at
     * each batch's due time, on the two cores the suite uses: appended piece by piece rather than formatted (100
     * {@code String.format}s a batch cost the generator about 0.07 cores at the target load, wrk's Lua 0.04).
     */
    static String batch(String session, Instant first) {
        StringBuilder events = new StringBuilder(24 * 1024).append("{\"events\":[");
        long firstMillis = first.toEpochMilli();
        long second = Long.MIN_VALUE;
        String secondText = "";
        for (int v = 0; v < BATCH / PER_VISITOR; v++) {
            String visitor = VISITOR_IDS[ThreadLocalRandom.current().nextInt(VISITORS)];
            for (int n = 0; n < PER_VISITOR; n++) {
                int k = v * PER_VISITOR + n;
                long millis = firstMillis + k;
                if (Math.floorDiv(millis, 1000) != second) {
                    second = Math.floorDiv(millis, 1000);
                    secondText = CLIENT_SECOND.format(Instant.ofEpochSecond(second));
                }
                if (k > 0) {
                    events.append(',');
                }
                events.append("{\"type\":\"")
                        .append(TYPES[n % 3])
                        .append("\",\"visitorId\":\"")
                        .append(visitor);
                events.append("\",\"sessionId\":\"").append(session);
                events.append("\",\"url\":\"https://shop.example/tents/").append(k % 50);
                events.append("\",\"clientTime\":\"").append(secondText).append('.');
                int ms = (int) Math.floorMod(millis, 1000);
                events.append((char) ('0' + ms / 100))
                        .append((char) ('0' + ms / 10 % 10))
                        .append((char) ('0' + ms % 10));
                events.append("Z\"");
                switch (n % 3) {
                    case 0 -> events.append(",\"referrer\":\"https://search.example/\"}");
                    case 1 ->
                        events.append(",\"element\":\"add-to-cart:tent-")
                                .append(k % 20)
                                .append("\"}");
                    default ->
                        events.append(",\"dwellMs\":")
                                .append(k * 599)
                                .append(",\"scrollDepth\":")
                                .append(k)
                                .append('}');
                }
            }
        }
        return events.append("]}").toString();
    }

    private static final String[] TYPES = {"page_view", "click", "page_leave"};

    /** The visitors' ids, made once: {@link #visitor(int)} of 0 to VISITORS - 1. */
    private static final String[] VISITOR_IDS =
            IntStream.range(0, VISITORS).mapToObj(TrackingBench::visitor).toArray(String[]::new);

    /** A client time's date and time to the second, in UTC; the milliseconds are appended. */
    private static final DateTimeFormatter CLIENT_SECOND =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    /** Events/s of each COPY run, in the order of the runs. */
    private record CopyCeiling(List<Double> perSecond, long rows) {}

    /** The rows of the last measured run, deleted and written again by COPY, {@code runs} times. */
    private static CopyCeiling copyCeiling(BenchSuite suite, int runs) throws Exception {
        String rowsOfRun = "session_id LIKE '" + String.format("5e%06x", runs) + "%'";
        try (Connection c = suite.database(Service.TRACKING);
                Statement s = c.createStatement()) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            ByteArrayOutputStream exported = new ByteArrayOutputStream();
            long rows = copy.copyOut("COPY (SELECT * FROM tracked_event WHERE " + rowsOfRun + ") TO STDOUT", exported);
            byte[] data = exported.toByteArray();
            List<Double> perSecond = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                s.execute("DELETE FROM tracked_event WHERE " + rowsOfRun);
                s.execute("VACUUM tracked_event");
                long begin = System.nanoTime();
                long copied = copy.copyIn("COPY tracked_event FROM STDIN", new ByteArrayInputStream(data));
                perSecond.add(copied / ((System.nanoTime() - begin) / 1e9));
            }
            // The COPYs leave dirty buffers and a partition that autovacuum would analyze during the next run: settle
            // both here, so the runs at the target load measure ingestion, not the ceiling's aftermath.
            s.execute("VACUUM (ANALYZE) tracked_event");
            s.execute("CHECKPOINT");
            return new CopyCeiling(perSecond, rows);
        }
    }

    /**
     * Per revocation: a sender posts one-event batches for its visitor without pause; the visitor's consent is
     * revoked at consent-service; measured from the revocation's answer to the first batch the gate refuses, and
     * to the moment none of the visitor's events is left in tracking-service's database.
     */
    private void revocations(BenchSuite suite, Report report) throws Exception {
        List<Double> refused = new ArrayList<>();
        List<Double> deleted = new ArrayList<>();
        for (int k = 0; k < REVOCATIONS; k++) {
            String visitor = visitor(VISITORS + k);
            Sender sender = new Sender(suite, visitor, k);
            CompletableFuture<Void> sending = CompletableFuture.runAsync(sender::sendUntilRefused);
            sender.awaitAccepted(20);
            HttpResponse<String> revoked = suite.post(
                    suite.url(Service.CONSENT) + "/api/v1/revocations",
                    suite.shopToken(Service.CONSENT),
                    "{\"visitorId\":\"" + visitor + "\",\"purposes\":[\"" + PURPOSE + "\"],\"channel\":\"WEB_FORM\"}");
            long acknowledged = System.nanoTime();
            BenchSuite.readOk(revoked, "the revocation");
            long gone = awaitNoEvents(suite, visitor, acknowledged);
            sending.get(GIVE_UP.toSeconds(), TimeUnit.SECONDS);
            if (eventsOf(suite, visitor) != 0) {
                throw new IllegalStateException("events of visitor " + visitor + " survived its revocation");
            }
            refused.add(Math.max(0, sender.firstRefusedAt() - acknowledged) / 1e6);
            deleted.add(Math.max(0, gone - acknowledged) / 1e6);
        }
        report.heading("Revocation");
        report.line(String.format(
                "%d revocations, each of its own visitor: a client posts one-event batches for the visitor without "
                        + "pause; once %d were accepted, the shop revokes web-analytics at consent-service (`POST "
                        + "/api/v1/revocations`). Measured from consent-service's answer to the answer of the first "
                        + "batch the gate refused, and to the first moment none of the visitor's events was left in "
                        + "tracking-service's database (polled every %d ms); afterwards none may come back. Over "
                        + "revocations rather than runs: median and (min–max).",
                REVOCATIONS, 20, POLL.toMillis()));
        report.line("");
        report.table();
        report.figure(
                "revocation acknowledged → first event refused",
                new Measured(refused),
                "**%,.0f ms**",
                Target.below(1000, "< 1 s"));
        report.figure("revocation acknowledged → the visitor's events deleted", new Measured(deleted), "%,.0f ms");
        report.line("");
    }

    /** Waits until the visitor has no events stored; the moment it saw that, in System.nanoTime(). */
    private static long awaitNoEvents(BenchSuite suite, String visitor, long since) throws Exception {
        while (System.nanoTime() - since < GIVE_UP.toNanos()) {
            if (eventsOf(suite, visitor) == 0) {
                return System.nanoTime();
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IllegalStateException("the events of visitor " + visitor + " were not deleted within " + GIVE_UP);
    }

    private static long eventsOf(BenchSuite suite, String visitor) throws Exception {
        try (Connection c = suite.database(Service.TRACKING);
                PreparedStatement count =
                        c.prepareStatement("SELECT count(*) FROM tracked_event WHERE visitor_id = ?")) {
            count.setString(1, visitor);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Visitors 0 to count - 1 granted web-analytics, recorded by the shop's backend (WEB_FORM). */
    private static void grant(BenchSuite suite, int count) throws Exception {
        String consentUrl = suite.url(Service.CONSENT);
        JsonNode current = BenchSuite.readOk(
                        suite.get(consentUrl + "/api/v1/purposes/" + PURPOSE, suite.shopToken(Service.CONSENT)),
                        "the purpose")
                .get("current");
        String grant = "{\"visitorId\":\"%s\",\"purpose\":\"" + PURPOSE + "\",\"version\":"
                + current.get("version").asInt() + ",\"language\":\"en\",\"textHash\":\""
                + current.get("texts").get("en").get("hash").asText() + "\",\"channel\":\"WEB_FORM\"}";
        Parallel.forEach(count, 4, i -> {
            HttpResponse<String> answer = suite.post(
                    consentUrl + "/api/v1/consents",
                    suite.shopToken(Service.CONSENT),
                    String.format(grant, visitor(i)));
            if (answer.statusCode() != 201) {
                throw new IllegalStateException(
                        "a consent grant answered " + answer.statusCode() + ": " + answer.body());
            }
        });
        System.out.printf("[bench] granted %s to %,d visitors%n", PURPOSE, count);
    }

    /** Visitor number i (bench/wrk/common.lua, visitor). */
    private static String visitor(int i) {
        return String.format("be%030x", i);
    }

    /** Posts one-event batches for one visitor, one after the other, until the gate refuses one. */
    private static final class Sender {

        private final BenchSuite suite;
        private final String visitor;
        private final String session;
        private final Instant start = Instant.now().minus(1, ChronoUnit.HOURS);
        private final AtomicLong accepted = new AtomicLong();
        private final AtomicLong firstRefusedAt = new AtomicLong();
        private final AtomicBoolean failed = new AtomicBoolean();
        private long sent;

        Sender(BenchSuite suite, String visitor, int k) {
            this.suite = suite;
            this.visitor = visitor;
            this.session = String.format("5f%030x", k);
        }

        void sendUntilRefused() {
            try {
                long begin = System.nanoTime();
                while (firstRefusedAt.get() == 0 && System.nanoTime() - begin < GIVE_UP.toNanos()) {
                    String answer = send();
                    if (answer.contains("\"accepted\":1,")) {
                        accepted.incrementAndGet();
                    } else if (answer.contains("\"dropped\":1,")) {
                        firstRefusedAt.set(System.nanoTime());
                    } else {
                        throw new IllegalStateException("a one-event batch answered " + answer);
                    }
                }
            } catch (Exception e) {
                failed.set(true);
                throw new IllegalStateException(e);
            }
        }

        private String send() throws Exception {
            String event = String.format(
                    "{\"events\":[{\"type\":\"page_view\",\"visitorId\":\"%s\",\"sessionId\":\"%s\","
                            + "\"url\":\"https://shop.example/\",\"clientTime\":\"%s\"}]}",
                    visitor, session, start.plusMillis(sent++));
            HttpResponse<String> answer = suite.send(
                    HttpRequest.newBuilder(URI.create(suite.url(Service.TRACKING) + "/api/v1/collect/site_demo"))
                            // As a browser on the demo site's page sends it: the site door refuses a request
                            // without Origin (libs/public-sites).
                            .header("Origin", suite.url(Service.TRACKING))
                            .header("Content-Type", "text/plain;charset=UTF-8")
                            .POST(HttpRequest.BodyPublishers.ofString(event)));
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(
                        "a one-event batch answered " + answer.statusCode() + ": " + answer.body());
            }
            return answer.body();
        }

        void awaitAccepted(int batches) throws InterruptedException {
            long begin = System.nanoTime();
            while (accepted.get() < batches) {
                if (failed.get() || System.nanoTime() - begin > GIVE_UP.toNanos()) {
                    throw new IllegalStateException("the events of visitor " + visitor + " were not accepted");
                }
                Thread.sleep(POLL.toMillis());
            }
        }

        long firstRefusedAt() {
            return firstRefusedAt.get();
        }
    }
}
