package org.opencdp.bench;

import static org.opencdp.bench.BenchSettings.RUN;
import static org.opencdp.bench.BenchSettings.RUNS;
import static org.opencdp.bench.BenchSettings.WARM_UP;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.opencdp.localstack.DemoUser;
import org.opencdp.localstack.Service;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * consent-service's decision targets (issue 10): single decisions over HTTP at no less than half the requests/s of
 * the same service's {@code GET /api/v1/me} (same token, connections and duration) with a p99 of at most 2 ms; a
 * batch of 1,000 pairs with a p99 of at most 20 ms; the decision inside the service with a p99 under 1 ms. The
 * capacity comes from saturated runs (wrk); the single decisions' p99 is judged at the target load, half the
 * baseline's rate offered at a fixed rate ({@link OpenLoop}), where the in-service p99 is read too.
 */
final class ConsentBench implements Scenario {

    /** Holders granted the purpose; as many again have nothing recorded, so decisions go both ways. */
    static final int HOLDERS = Integer.getInteger("bench.consent.holders", 10_000);

    static final String PURPOSE = "personalisation";
    private static final String METRIC = "opencdp_consent_decision_seconds";
    private static final int SEED_CLIENTS = 4;
    private static final int SEED_PER_SECOND = 300;
    /** As profile-service's search throughput: 2 wrk threads, 8 connections. */
    private static final int THREADS = 2;

    private static final int CONNECTIONS = 8;
    /**
     * Connections of the load at the target rate ({@link OpenLoop}): enough that none is still busy when its next
     * request is due (at 50 % of `/me`, some 5,000/s, a connection carries a request every 6 ms).
     */
    private static final int PACED_CONNECTIONS = 32;
    /** Pairs per batch (bench/wrk/consent-decide-batch.lua). */
    private static final int BATCH_PAIRS = 1_000;
    /** The target load of single decisions: this share of the baseline's requests/s in the same run. */
    private static final double TARGET_SHARE = 0.5;

    @Override
    public String name() {
        return "consent";
    }

    @Override
    public String title() {
        return "consent-service benchmark (issue 10)";
    }

    @Override
    public Duration expectedDuration() {
        return Duration.ofSeconds(HOLDERS / SEED_PER_SECOND).plus(WARM_UP).plus(RUN.multipliedBy(5L * RUNS));
    }

    @Override
    public void run(BenchSuite suite, Report report) throws Exception {
        String baseUrl = suite.url(Service.CONSENT);
        seed(suite, baseUrl);
        Wrk wrk = new Wrk(suite.repoRoot());
        String granted = String.valueOf(HOLDERS);
        OpenLoop openLoop = new OpenLoop(PACED_CONNECTIONS);
        // The seed warmed the service's HTTP and token path; the warm-up is shared by the four loads.
        Duration warmUp = WARM_UP.dividedBy(4);
        Wrk.Result warmBaseline = wrk.run("consent-me.lua", baseUrl, THREADS, CONNECTIONS, warmUp, token(suite));
        wrk.run("consent-decide.lua", baseUrl, THREADS, CONNECTIONS, warmUp, token(suite), granted, PURPOSE);
        wrk.run("consent-decide-batch.lua", baseUrl, 1, 1, warmUp, token(suite), granted, PURPOSE);
        atTargetLoad(suite, openLoop, TARGET_SHARE * warmBaseline.perSecond(), warmUp);
        List<Wrk.Result> baseline = new ArrayList<>();
        List<Wrk.Result> single = new ArrayList<>();
        List<OpenLoop.Result> paced = new ArrayList<>();
        List<OpenLoop.Result> pacedBaseline = new ArrayList<>();
        List<GcFigures> pacedGc = new ArrayList<>();
        List<GcFigures> pacedBaselineGc = new ArrayList<>();
        List<Double> insideSaturated = new ArrayList<>();
        List<Wrk.Result> batch = new ArrayList<>();
        List<Double> ratio = new ArrayList<>();
        List<Double> insideSingle = new ArrayList<>();
        List<Double> insideBatch = new ArrayList<>();
        List<CpuPerOperation.Cost> baselineCpu = new ArrayList<>();
        List<CpuPerOperation.Cost> singleCpu = new ArrayList<>();
        List<CpuPerOperation.Cost> batchCpu = new ArrayList<>();
        // Baseline and decisions take turns, so that each ratio compares runs made under the same conditions.
        for (int run = 0; run < RUNS; run++) {
            CpuPerOperation cpu = CpuPerOperation.start(suite.stack(), Service.CONSENT);
            baseline.add(wrk.run("consent-me.lua", baseUrl, THREADS, CONNECTIONS, RUN, token(suite)));
            baselineCpu.add(cpu.end(baseline.getLast().requests()));
            Histogram before = decisions(suite, "single");
            cpu = CpuPerOperation.start(suite.stack(), Service.CONSENT);
            single.add(
                    wrk.run("consent-decide.lua", baseUrl, THREADS, CONNECTIONS, RUN, token(suite), granted, PURPOSE));
            singleCpu.add(cpu.end(single.getLast().requests()));
            insideSaturated.add(decisions(suite, "single").since(before).quantileBound(0.99) * 1000);
            ratio.add(single.getLast().perSecond() / baseline.getLast().perSecond() * 100);
            // The target load, right after the saturated run: the service's pool and caches are warm. First the
            // baseline at the same rate, the same generator and connections: the tail of the machine, the generator
            // and the service's HTTP and token path, which every decision has too; then the decisions.
            double targetRate = TARGET_SHARE * baseline.getLast().perSecond();
            JvmGc gcBefore = gc(suite);
            pacedBaseline.add(baselineAtTargetLoad(suite, openLoop, targetRate, RUN));
            pacedBaselineGc.add(GcFigures.of(gc(suite).since(gcBefore), pacedBaseline.getLast()));
            before = decisions(suite, "single");
            gcBefore = gc(suite);
            paced.add(atTargetLoad(suite, openLoop, targetRate, RUN));
            pacedGc.add(GcFigures.of(gc(suite).since(gcBefore), paced.getLast()));
            insideSingle.add(decisions(suite, "single").since(before).quantileBound(0.99) * 1000);
            before = decisions(suite, "batch");
            cpu = CpuPerOperation.start(suite.stack(), Service.CONSENT);
            batch.add(wrk.run("consent-decide-batch.lua", baseUrl, 1, 1, RUN, token(suite), granted, PURPOSE));
            batchCpu.add(cpu.end(batch.getLast().requests() * (long) BATCH_PAIRS));
            insideBatch.add(decisions(suite, "batch").since(before).quantileBound(0.99) * 1000);
        }
        report.heading("Decisions");
        report.line(String.format(
                "%,d subjects granted `%s` through `POST /api/v1/consents` (sales, channel PHONE), and decisions asked "
                        + "for them and %,d more without anything recorded, at random; every answer checked (allowed "
                        + "exactly for the granted). Capacity: single decisions and the baseline (`GET /api/v1/me`, "
                        + "the same service and sales token) driven by wrk to saturation with %d connections, %d s "
                        + "per run, taking turns; batches of 1,000 pairs from one client. Latency at the target "
                        + "load: after each saturated run, single decisions offered at a fixed rate of %.0f %% of "
                        + "that run's baseline requests/s for %d s, each latency counted from when the request was "
                        + "due (no coordinated omission); ✔/✘ of the p99 is judged there. Beside it, without a "
                        + "verdict: the baseline offered the same way at the same rate right before (the tail every "
                        + "request of this service gets at that rate on this machine, generator included) and the "
                        + "saturated p99 (a queue of %d connections) (bench/README.md).",
                HOLDERS,
                PURPOSE,
                HOLDERS,
                CONNECTIONS,
                RUN.toSeconds(),
                TARGET_SHARE * 100,
                RUN.toSeconds(),
                CONNECTIONS));
        report.line("");
        report.table();
        report.figure("baseline `GET /api/v1/me`", Measured.of(baseline, Wrk.Result::perSecond), "%,.0f requests/s");
        report.figure(
                "single decisions `GET /api/v1/decisions`",
                Measured.of(single, Wrk.Result::perSecond),
                "%,.0f decisions/s");
        report.figure(
                "single decisions: **share of the baseline**",
                new Measured(ratio),
                "**%.0f %%**",
                Target.atLeast(50, "≥ 50 %"));
        report.figure(
                "single decisions at the target load: rate offered (half the baseline)",
                Measured.of(paced, OpenLoop.Result::offered),
                "%,.0f decisions/s");
        report.figure(
                "single decisions at the target load: rate achieved",
                Measured.of(paced, OpenLoop.Result::perSecond),
                "%,.0f decisions/s");
        OpenLoop.report(report, "single decisions at the target load", paced, Target.atMost(2, "p99 ≤ 2 ms"));
        OpenLoop.reportReference(report, "reference: baseline `GET /api/v1/me` at the same rate", pacedBaseline);
        report.figure(
                "single decisions at saturation (%d connections): p99".formatted(CONNECTIONS),
                Measured.of(single, Wrk.Result::p99),
                "%,.2f ms");
        report.figure("single decisions at saturation: p50", Measured.of(single, Wrk.Result::p50), "%,.2f ms");
        report.figure(
                "batch of 1,000 pairs `POST /api/v1/decisions`: **p99**",
                Measured.of(batch, Wrk.Result::p99),
                "**%,.2f ms**",
                Target.atMost(20, "p99 ≤ 20 ms"));
        report.figure("batch of 1,000 pairs: p50", Measured.of(batch, Wrk.Result::p50), "%,.2f ms");
        report.figure(
                "decision inside the service, single, at the target load: **p99** (at most)",
                new Measured(insideSingle),
                "**%,.2f ms**",
                Target.below(1, "p99 < 1 ms"));
        report.figure(
                "decision inside the service, single, at saturation: p99 (at most)",
                new Measured(insideSaturated),
                "%,.2f ms");
        report.figure(
                "decision inside the service, batch of 1,000: p99 (at most)", new Measured(insideBatch), "%,.2f ms");
        report.line("");
        report.heading("CPU per 1,000 operations");
        report.line("CPU seconds the service and PostgreSQL (server and backends) used during each measured run, "
                + "from /proc, per 1,000 requests or decisions. Less noisy than requests/s on a shared machine, "
                + "since it counts work, not waiting; the CPU of wrk and of the rest of the suite is left out.");
        report.line("");
        report.table();
        cpuFigures(report, "baseline `GET /api/v1/me`, per 1,000 requests", baselineCpu);
        cpuFigures(report, "single decisions, per 1,000 decisions", singleCpu);
        cpuFigures(report, "batches of 1,000, per 1,000 decisions", batchCpu);
        report.figure(
                "the load generator (the bench's JVM) at the target load, in cores",
                Measured.of(paced, OpenLoop.Result::generatorCores),
                "%,.2f");
        report.line("");
        report.heading("Garbage collection at the target load");
        report.line("consent-service's collections during each run at the target load (`jvm_gc_pause_seconds`, "
                + "`jvm_gc_memory_allocated_bytes_total` at /q/metrics, before and after the run): every pause "
                + "stops every request in the service, and the requests due meanwhile queue behind it.");
        report.line("");
        report.table();
        gcFigures(report, "single decisions", pacedGc);
        gcFigures(report, "reference: baseline `GET /api/v1/me`", pacedBaselineGc);
        report.line("");
        report.line("Inside the service: `" + METRIC + "{kind=…}` (from the parsed request to the answer), the "
                + "difference of its histogram buckets before and after each run at /q/metrics on the management "
                + "port, so each figure covers one run; it is the upper bound of the bucket holding the 99th "
                + "percentile, and the buckets are 0.05 ms apart from 0.25 to 2 ms.");
        report.line("");
    }

    /** Collections during one run at the target load, per second and per request. */
    record GcFigures(double pausesPerSecond, double meanPauseMillis, double pauseShare, double kilobytesPerRequest) {

        static GcFigures of(JvmGc gc, OpenLoop.Result run) {
            double seconds = run.duration().toNanos() / 1e9;
            return new GcFigures(
                    gc.pauses() / seconds,
                    gc.meanPauseMillis(),
                    gc.pauseSeconds() / seconds * 100,
                    gc.allocatedBytes() / 1024 / run.latencyNanos().length);
        }
    }

    static void gcFigures(Report report, String what, List<GcFigures> runs) {
        report.figure(what + ": pauses per second", Measured.of(runs, GcFigures::pausesPerSecond), "%,.1f");
        report.figure(what + ": mean pause", Measured.of(runs, GcFigures::meanPauseMillis), "%,.2f ms");
        report.figure(what + ": share of the time stopped", Measured.of(runs, GcFigures::pauseShare), "%,.2f %%");
        report.figure(what + ": allocated per request", Measured.of(runs, GcFigures::kilobytesPerRequest), "%,.1f KB");
    }

    static void cpuFigures(Report report, String what, List<CpuPerOperation.Cost> runs) {
        report.figure(what + ": service", Measured.of(runs, CpuPerOperation.Cost::service), "%,.3f s");
        report.figure(what + ": PostgreSQL", Measured.of(runs, CpuPerOperation.Cost::postgres), "%,.3f s");
        report.figure(what + ": **both**", Measured.of(runs, CpuPerOperation.Cost::total), "**%,.3f s**");
    }

    /** The baseline, {@code GET /api/v1/me} with the same token, offered at {@code perSecond}; every answer a 200. */
    private static OpenLoop.Result baselineAtTargetLoad(
            BenchSuite suite, OpenLoop openLoop, double perSecond, Duration duration) throws InterruptedException {
        URI me = URI.create(suite.url(Service.CONSENT) + "/api/v1/me");
        Map<String, String> headers = Map.of("Authorization", "Bearer " + token(suite));
        OpenLoop.Result result = openLoop.run(
                perSecond, duration, i -> OpenLoop.Request.get(me, headers), answer -> answer.statusCode() == 200);
        System.out.printf(
                "[bench] baseline at %,.0f/s offered: %,.0f/s answered, p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms%n",
                perSecond, result.perSecond(), result.p50(), result.p99(), result.p999());
        return result;
    }

    /**
     * Single decisions for random holders (as bench/wrk/consent-decide.lua) offered at {@code perSecond} for
     * {@code duration}; every answer checked: it names the holder asked about and allows exactly the granted.
     */
    private static OpenLoop.Result atTargetLoad(
            BenchSuite suite, OpenLoop openLoop, double perSecond, Duration duration) throws InterruptedException {
        String decisions = suite.url(Service.CONSENT) + "/api/v1/decisions?purpose=" + PURPOSE + "&subjectId=";
        String authorization = "Bearer " + token(suite);
        OpenLoop.Result result = openLoop.run(
                perSecond,
                duration,
                i -> OpenLoop.Request.get(
                        URI.create(
                                decisions + subject(ThreadLocalRandom.current().nextInt(2 * HOLDERS))),
                        Map.of("Authorization", authorization)),
                ConsentBench::rightDecision);
        System.out.printf(
                "[bench] single decisions at %,.0f/s offered: %,.0f/s answered, p50 %.2f ms, p99 %.2f ms, "
                        + "p99.9 %.2f ms, generator %.2f cores%n",
                perSecond, result.perSecond(), result.p50(), result.p99(), result.p999(), result.generatorCores());
        return result;
    }

    private static boolean rightDecision(OpenLoop.Answer answer) {
        String query = answer.request().uri().getQuery();
        String subject = query.substring(query.indexOf("subjectId=") + "subjectId=".length());
        int holder = Integer.parseInt(subject.substring(subject.lastIndexOf('-') + 1));
        return answer.statusCode() == 200
                && answer.body().contains("\"subjectId\":\"" + subject + "\"")
                && answer.body().contains("\"allowed\":true") == (holder < HOLDERS);
    }

    /** Holders 0 to HOLDERS - 1 granted {@link #PURPOSE}, for the current version and German text. */
    private static void seed(BenchSuite suite, String baseUrl) throws Exception {
        JsonNode current = BenchSuite.readOk(
                        suite.get(baseUrl + "/api/v1/purposes/" + PURPOSE, token(suite)), "the purpose")
                .get("current");
        String grant = "{\"subjectId\":\"%s\",\"purpose\":\"" + PURPOSE + "\",\"version\":"
                + current.get("version").asInt() + ",\"language\":\"de\",\"textHash\":\""
                + current.get("texts").get("de").get("hash").asText() + "\",\"channel\":\"PHONE\"}";
        long begin = System.nanoTime();
        Parallel.forEach(HOLDERS, SEED_CLIENTS, i -> {
            HttpResponse<String> answer =
                    suite.post(baseUrl + "/api/v1/consents", token(suite), String.format(grant, subject(i)));
            if (answer.statusCode() != 201) {
                throw new IllegalStateException(
                        "a consent grant answered " + answer.statusCode() + ": " + answer.body());
            }
        });
        System.out.printf(
                "[bench] granted %s to %,d subjects in %.0f s%n", PURPOSE, HOLDERS, (System.nanoTime() - begin) / 1e9);
    }

    /** Holder number i: a UUID whose last group is the number (bench/wrk/common.lua, subject). */
    static String subject(int i) {
        return String.format("00000000-0000-4000-8000-%012d", i);
    }

    private static Histogram decisions(BenchSuite suite, String kind) throws Exception {
        return Histogram.scrape(suite.metrics(Service.CONSENT), METRIC, "kind=\"" + kind + "\"");
    }

    private static JvmGc gc(BenchSuite suite) throws Exception {
        return JvmGc.scrape(suite.metrics(Service.CONSENT));
    }

    private static String token(BenchSuite suite) {
        return suite.token(DemoUser.SALES);
    }
}
