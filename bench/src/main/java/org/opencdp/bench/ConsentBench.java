package org.opencdp.bench;

import static org.opencdp.bench.BenchSettings.RUN;
import static org.opencdp.bench.BenchSettings.RUNS;
import static org.opencdp.bench.BenchSettings.WARM_UP;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.opencdp.localstack.DemoUser;
import org.opencdp.localstack.Service;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * consent-service's decision targets (issue 10): single decisions over HTTP at no less than half the requests/s of
 * the same service's {@code GET /api/v1/me} (same token, connections and duration) with a p99 of at most 2 ms; a
 * batch of 1,000 pairs with a p99 of at most 20 ms; the decision inside the service with a p99 under 1 ms.
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
    /** Pairs per batch (bench/wrk/consent-decide-batch.lua). */
    private static final int BATCH_PAIRS = 1_000;

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
        return Duration.ofSeconds(HOLDERS / SEED_PER_SECOND).plus(WARM_UP).plus(RUN.multipliedBy(3L * RUNS));
    }

    @Override
    public void run(BenchSuite suite, Report report) throws Exception {
        String baseUrl = suite.url(Service.CONSENT);
        seed(suite, baseUrl);
        Wrk wrk = new Wrk(suite.repoRoot());
        String granted = String.valueOf(HOLDERS);
        // The seed warmed the service's HTTP and token path; the warm-up is shared by the three loads.
        Duration warmUp = WARM_UP.dividedBy(3);
        wrk.run("consent-me.lua", baseUrl, THREADS, CONNECTIONS, warmUp, token(suite));
        wrk.run("consent-decide.lua", baseUrl, THREADS, CONNECTIONS, warmUp, token(suite), granted, PURPOSE);
        wrk.run("consent-decide-batch.lua", baseUrl, 1, 1, warmUp, token(suite), granted, PURPOSE);
        List<Wrk.Result> baseline = new ArrayList<>();
        List<Wrk.Result> single = new ArrayList<>();
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
            insideSingle.add(decisions(suite, "single").since(before).quantileBound(0.99) * 1000);
            ratio.add(single.getLast().perSecond() / baseline.getLast().perSecond() * 100);
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
                        + "exactly for the granted). Single decisions and the baseline (`GET /api/v1/me`, the same "
                        + "service and sales token) with %d connections, %d s per run, taking turns; batches of 1,000 "
                        + "pairs from one client.",
                HOLDERS, PURPOSE, HOLDERS, CONNECTIONS, RUN.toSeconds()));
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
                "single decisions: **p99** over HTTP at that load",
                Measured.of(single, Wrk.Result::p99),
                "**%,.2f ms**",
                Target.atMost(2, "p99 ≤ 2 ms"));
        report.figure("single decisions: p50", Measured.of(single, Wrk.Result::p50), "%,.2f ms");
        report.figure(
                "batch of 1,000 pairs `POST /api/v1/decisions`: **p99**",
                Measured.of(batch, Wrk.Result::p99),
                "**%,.2f ms**",
                Target.atMost(20, "p99 ≤ 20 ms"));
        report.figure("batch of 1,000 pairs: p50", Measured.of(batch, Wrk.Result::p50), "%,.2f ms");
        report.figure(
                "decision inside the service, single: **p99** (at most)",
                new Measured(insideSingle),
                "**%,.2f ms**",
                Target.below(1, "p99 < 1 ms"));
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
        report.line("");
        report.line("Inside the service: `" + METRIC + "{kind=…}` (from the parsed request to the answer), the "
                + "difference of its histogram buckets before and after each run at /q/metrics on the management "
                + "port, so each figure covers one run; it is the upper bound of the bucket holding the 99th "
                + "percentile.");
        report.line("");
    }

    static void cpuFigures(Report report, String what, List<CpuPerOperation.Cost> runs) {
        report.figure(what + ": service", Measured.of(runs, CpuPerOperation.Cost::service), "%,.3f s");
        report.figure(what + ": PostgreSQL", Measured.of(runs, CpuPerOperation.Cost::postgres), "%,.3f s");
        report.figure(what + ": **both**", Measured.of(runs, CpuPerOperation.Cost::total), "**%,.3f s**");
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

    private static String token(BenchSuite suite) {
        return suite.token(DemoUser.SALES);
    }
}
