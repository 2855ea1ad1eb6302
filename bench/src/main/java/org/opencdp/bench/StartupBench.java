package org.opencdp.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opencdp.localstack.DemoUser;
import org.opencdp.localstack.JvmOptions;
import org.opencdp.localstack.Service;
import org.opencdp.localstack.ServiceLaunch;

/**
 * Start-up and memory of the images' JVM, plain and with the JDK AOT cache (issue 15), per service; and the training
 * run that makes the cache. Runs on what `make images` staged (target/images: the jlink-ed runtime and each service's
 * aot-jar with the images' file times), so the cache is made by, and measured with, the runtime the image carries.
 *
 * <p>Per service: the suite's own instance is stopped; a training run (the runtime with {@code
 * -XX:AOTCacheOutput}, a short load, a clean stop: the JVM writes the cache as it exits) writes
 * target/images/&lt;service&gt;/app.aot, which scripts/images then puts into the jvm-aot image; then {@code
 * bench.runs} starts of each variant, alternating, each timed from the process's start to {@code /q/health/ready}
 * answering 200, with Quarkus's own "started in", the resident memory after the start and after a short load (and
 * how much of it is mapped files: the jars and the AOT cache). Last, the suite's own instance starts again.
 */
final class StartupBench implements Scenario {

    private static final List<Service> SERVICES = Arrays.stream(
                    System.getProperty("bench.startup.services", "profile,behaviour,tracking,consent,retention")
                            .split(","))
            .map(name -> Service.valueOf(name.trim().replace("-service", "").toUpperCase()))
            .toList();
    /** The load after each start, and the training run's (longer: it decides what the cache holds). */
    private static final Duration LOAD = Duration.ofSeconds(Integer.getInteger("bench.startup.load-seconds", 10));

    /**
     * Further JVM options to measure beside the file's, in the same run (space-separated; empty: none): each run then
     * starts a plain and an AOT JVM with them too, after the file's options, so that a change to jvm.options is
     * compared with the current ones back to back on the same cache.
     */
    private static final List<String> CANDIDATE_OPTIONS = Arrays.stream(
                    System.getProperty("bench.startup.candidate-options", "").split(" "))
            .filter(option -> !option.isBlank())
            .toList();

    private static final Duration TRAINING_LOAD =
            Duration.ofSeconds(Integer.getInteger("bench.startup.training-seconds", 30));
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);
    /** On an idle machine: a start to ready, a clean stop, the JVM writing the cache as the training run exits. */
    private static final Duration START = Duration.ofSeconds(10);

    private static final Duration STOP = Duration.ofSeconds(3);
    private static final Duration WRITING_THE_CACHE = Duration.ofSeconds(60);
    private static final Duration CACHE_WRITE = Duration.ofMinutes(5);
    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");

    private static final Target AOT_START = Target.atMost(0.5, "≤ 0.5 × plain");
    private static final Target RSS = Target.atMost(200, "≤ 200 MB");

    /** Numbers of the customers the loads create: distinct, and apart from the profile scenario's. */
    private static int nextCustomer = 9_000_000;

    /**
     * One start: seconds to ready, Quarkus's "started in", resident memory after the start and after the load, and the
     * part of each that is mapped files (RssFile: the jars, the runtime's modules and the AOT cache).
     */
    private record Start(
            double toReady,
            double startedIn,
            double rssStarted,
            double rssFileStarted,
            double rssLoaded,
            double rssFileLoaded) {}

    @Override
    public String name() {
        return "startup";
    }

    @Override
    public String title() {
        return "Start-up and memory, plain JVM and JVM + AOT cache (issue 15)";
    }

    @Override
    public Duration expectedDuration() {
        // Per service, on an idle machine (about twice as long on a busy one): the suite's instance stopped and started
        // again, the training run (start, load, the cache written at exit), and 2 × runs starts, each with its load.
        Duration training = START.plus(TRAINING_LOAD).plus(WRITING_THE_CACHE);
        Duration starts = START.plus(LOAD)
                .plus(STOP)
                .multipliedBy(2L * BenchSettings.RUNS * (CANDIDATE_OPTIONS.isEmpty() ? 1 : 2));
        Duration perService = START.plus(STOP).plus(training).plus(starts);
        return perService.multipliedBy(SERVICES.size());
    }

    @Override
    public void run(BenchSuite suite, Report report) throws Exception {
        Path images = suite.repoRoot().resolve("target/images");
        Path runtime = images.resolve("runtime");
        if (!Files.isExecutable(runtime.resolve("bin/java"))) {
            throw new IllegalStateException("target/images/runtime is missing: run `make images` first");
        }
        report.line("Each service as its image runs it: the images' jlink-ed runtime (target/images/runtime) and "
                + "aot-jar, with the JVM options a pod gets (" + JvmOptions.FILE + ", with the chart's default memory "
                + "limit: `" + String.join(" ", JvmOptions.of(suite.repoRoot())) + "`). "
                + "Ready: from the process's start to `/q/health/ready` answering 200 (polled every 10 ms). "
                + "RSS: the JVM's resident memory after the start, and after " + LOAD.toSeconds()
                + " s of load from one client. The cache was trained in this run (" + TRAINING_LOAD.toSeconds()
                + " s of the same load). The machine's load average (1 min) at the scenario's start: "
                + loadAverage()
                + "; other work on the machine makes absolute times slower, and plain and AOT starts alternate, so "
                + "both see the same.");
        report.line("");
        for (Service service : SERVICES) {
            measure(suite, report, service, runtime, images.resolve(service.serviceName()));
        }
        report.line("The machine's load average (1 min) at the scenario's end: " + loadAverage() + ".");
    }

    /** The first figure of /proc/loadavg, or "unknown" where there is none. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private void measure(BenchSuite suite, Report report, Service service, Path runtime, Path stage) throws Exception {
        Path app = stage.resolve("deployments");
        if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(stage + " is missing: run `make images` first");
        }
        suite.stack().stopService(service);
        try {
            Path cache = train(suite, service, runtime, app, stage);
            ServiceLaunch plain = new ServiceLaunch(runtime, app, List.of());
            // AOTMode=on: a cache the JVM cannot use fails the start instead of silently measuring a plain one.
            ServiceLaunch aot = new ServiceLaunch(runtime, app, List.of("-XX:AOTMode=on", "-XX:AOTCache=" + cache));
            List<Start> plainStarts = new ArrayList<>();
            List<Start> aotStarts = new ArrayList<>();
            List<Start> plainCandidateStarts = new ArrayList<>();
            List<Start> aotCandidateStarts = new ArrayList<>();
            for (int run = 1; run <= BenchSettings.RUNS; run++) {
                plainStarts.add(start(suite, service, plain, "plain " + run));
                aotStarts.add(start(suite, service, aot, "aot " + run));
                if (!CANDIDATE_OPTIONS.isEmpty()) {
                    plainCandidateStarts.add(start(suite, service, plain.with(CANDIDATE_OPTIONS), "plain+ " + run));
                    aotCandidateStarts.add(start(suite, service, aot.with(CANDIDATE_OPTIONS), "aot+ " + run));
                }
            }
            report.heading(service.serviceName());
            report(report, "", plainStarts, aotStarts);
            if (!CANDIDATE_OPTIONS.isEmpty()) {
                report.line("");
                report.line("With the candidate options `" + String.join(" ", CANDIDATE_OPTIONS)
                        + "` after the file's (started alternately with the runs above):");
                report.line("");
                report(report, "candidate, ", plainCandidateStarts, aotCandidateStarts);
            }
            report.line("");
            report.line("AOT cache: " + String.format("%,.0f MB", Files.size(cache) / 1e6) + ", `"
                    + suite.repoRoot().relativize(cache) + "`.");
            report.line("");
        } finally {
            suite.stack().startService(service);
        }
    }

    /** The figures of one option set: plain and AOT starts side by side. */
    private static void report(Report report, String prefix, List<Start> plainStarts, List<Start> aotStarts) {
        report.table();
        Measured plainReady = Measured.of(plainStarts, Start::toReady);
        Measured aotReady = Measured.of(aotStarts, Start::toReady);
        report.figure(prefix + "plain JVM: process start to ready", plainReady, "**%.2f s**");
        report.figure(prefix + "JVM + AOT cache: process start to ready", aotReady, "**%.2f s**");
        report.figure(
                prefix + "AOT ÷ plain, start to ready (each AOT run ÷ the plain median)",
                new Measured(aotReady.runs().stream()
                        .map(seconds -> seconds / plainReady.median())
                        .toList()),
                "**%.2f**",
                AOT_START);
        report.figure(
                prefix + "plain JVM: Quarkus \"started in\"", Measured.of(plainStarts, Start::startedIn), "**%.2f s**");
        report.figure(
                prefix + "JVM + AOT cache: Quarkus \"started in\"",
                Measured.of(aotStarts, Start::startedIn),
                "**%.2f s**");
        report.figure(
                prefix + "plain JVM: RSS after start", Measured.of(plainStarts, Start::rssStarted), "**%.0f MB**", RSS);
        report.figure(
                prefix + "JVM + AOT cache: RSS after start",
                Measured.of(aotStarts, Start::rssStarted),
                "**%.0f MB**",
                RSS);
        report.figure(
                prefix + "plain JVM: of the RSS after start, mapped files",
                Measured.of(plainStarts, Start::rssFileStarted),
                "%.0f MB");
        report.figure(
                prefix + "JVM + AOT cache: of the RSS after start, mapped files",
                Measured.of(aotStarts, Start::rssFileStarted),
                "%.0f MB");
        report.figure(
                prefix + "plain JVM: RSS after the load",
                Measured.of(plainStarts, Start::rssLoaded),
                "**%.0f MB**",
                RSS);
        report.figure(
                prefix + "JVM + AOT cache: RSS after the load",
                Measured.of(aotStarts, Start::rssLoaded),
                "**%.0f MB**",
                RSS);
        report.figure(
                prefix + "plain JVM: of the RSS after the load, mapped files",
                Measured.of(plainStarts, Start::rssFileLoaded),
                "%.0f MB");
        report.figure(
                prefix + "JVM + AOT cache: of the RSS after the load, mapped files",
                Measured.of(aotStarts, Start::rssFileLoaded),
                "%.0f MB");
    }

    /**
     * The training run: the cache is written when the JVM exits after a clean stop. It is kept only when the JVM
     * wrote it; the inputs' fingerprint scripts/images made is copied beside it, so that an image gets the cache only
     * with the very files it was trained on.
     */
    private Path train(BenchSuite suite, Service service, Path runtime, Path app, Path stage) throws Exception {
        Path cache = stage.resolve("app.aot");
        Files.deleteIfExists(cache);
        Files.deleteIfExists(stage.resolve("app.aot.inputs"));
        ServiceLaunch training = new ServiceLaunch(runtime, app, List.of("-XX:AOTCacheOutput=" + cache));
        ProcessHandle process = suite.stack().launchService(service, training);
        awaitReady(suite, service, process);
        load(suite, service, TRAINING_LOAD);
        // The JVM assembles the cache as it exits (in a child JVM): minutes on a busy machine, not the usual grace.
        suite.stack().stopService(service, CACHE_WRITE);
        process.onExit().get();
        if (!Files.isRegularFile(cache)) {
            throw new IllegalStateException(service.serviceName() + "'s training run wrote no AOT cache: see "
                    + suite.stack().layout().log(service.serviceName()));
        }
        Path inputs = stage.resolve("inputs.sha256");
        if (Files.isRegularFile(inputs)) {
            Files.copy(inputs, stage.resolve("app.aot.inputs"), StandardCopyOption.REPLACE_EXISTING);
        }
        System.out.printf("[startup] %s: AOT cache trained, %,d bytes%n", service.serviceName(), Files.size(cache));
        return cache;
    }

    private Start start(BenchSuite suite, Service service, ServiceLaunch launch, String label) throws Exception {
        long begin = System.nanoTime();
        ProcessHandle process = suite.stack().launchService(service, launch);
        awaitReady(suite, service, process);
        double toReady = (System.nanoTime() - begin) / 1e9;
        double rssStarted = residentMegabytes(process, "VmRSS");
        double rssFileStarted = residentMegabytes(process, "RssFile");
        load(suite, service, LOAD);
        double rssLoaded = residentMegabytes(process, "VmRSS");
        double rssFileLoaded = residentMegabytes(process, "RssFile");
        Path log = suite.stack().layout().log(service.serviceName());
        double startedIn = startedIn(Files.readString(log))
                .orElseThrow(() ->
                        new IllegalStateException(service.serviceName() + " logged no \"started in\": see " + log));
        suite.stack().stopService(service);
        process.onExit().get();
        System.out.printf(
                "[startup] %s %s: ready in %.2f s (started in %.2f s), RSS %.0f MB (files %.0f MB), after load %.0f MB"
                        + " (files %.0f MB)%n",
                service.serviceName(), label, toReady, startedIn, rssStarted, rssFileStarted, rssLoaded, rssFileLoaded);
        return new Start(toReady, startedIn, rssStarted, rssFileStarted, rssLoaded, rssFileLoaded);
    }

    private static void awaitReady(BenchSuite suite, Service service, ProcessHandle process) throws Exception {
        URI ready = URI.create(suite.stack().layout().managementUrl(service) + "/q/health/ready");
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            try {
                HttpResponse<Void> answer = suite.http()
                        .send(
                                HttpRequest.newBuilder(ready)
                                        .timeout(Duration.ofSeconds(2))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(service.serviceName() + " exited while starting: see "
                        + suite.stack().layout().log(service.serviceName()));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(service.serviceName() + " not ready within " + READY_TIMEOUT);
            }
            Thread.sleep(10);
        }
    }

    /**
     * One client for {@code duration}: the caller's own view ({@code GET /api/v1/me}, through OIDC, the caller and
     * role checks every endpoint has) and, at profile-service, creates and searches of customers (its main paths,
     * with encryption, blind index, audit and outbox). Every answer must be a success.
     */
    private static void load(BenchSuite suite, Service service, Duration duration) throws Exception {
        String base = suite.url(service);
        String token = suite.token(DemoUser.SALES);
        long end = System.nanoTime() + duration.toNanos();
        int i = 0;
        while (System.nanoTime() < end) {
            expectSuccess(suite.get(base + "/api/v1/me", token), "GET /api/v1/me");
            if (service == Service.PROFILE) {
                int number = nextCustomer++;
                expectSuccess(
                        suite.post(base + "/api/v1/customers", token, Persons.seeded(number)),
                        "POST /api/v1/customers");
                expectSuccess(
                        suite.get(base + "/api/v1/customers?email=customer." + number + "%40example.de", token),
                        "GET /api/v1/customers?email=");
            }
            i++;
        }
        System.out.printf("[startup] %s: %d load rounds%n", service.serviceName(), i);
    }

    private static void expectSuccess(HttpResponse<String> answer, String what) {
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException(what + " answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    private static Optional<Double> startedIn(String log) {
        Matcher matcher = STARTED_IN.matcher(log);
        Double last = null;
        while (matcher.find()) {
            last = Double.parseDouble(matcher.group(1));
        }
        return Optional.ofNullable(last);
    }

    /** A line of /proc/PID/status in MB (1,048,576 bytes), e.g. VmRSS or its file-backed part RssFile. */
    private static double residentMegabytes(ProcessHandle process, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IOException("no " + field + " for process " + process.pid());
    }
}
