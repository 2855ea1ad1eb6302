package org.opencdp.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Runs wrk, the HTTP load generator (Debian package {@code wrk}), with one of the Lua scripts in bench/wrk, and
 * reads the result line those scripts print. wrk is small and written in C, so the load generator takes little
 * of the CPU the services need on a small machine; its latency percentiles come from an HdrHistogram.
 */
final class Wrk {

    private final Path scripts;

    Wrk(Path repoRoot) {
        this.scripts = repoRoot.resolve("bench/wrk");
    }

    record Result(
            long requests,
            Duration duration,
            long errors,
            long mismatches,
            double p50,
            double p90,
            double p99,
            double p999,
            double max,
            List<String> failures) {

        /** Answers that failed or were wrong: wrk's errors (no answer, or not 2xx/3xx) and the script's mismatches. */
        long wrong() {
            return Math.max(errors, mismatches);
        }

        double perSecond() {
            return requests / (duration.toNanos() / 1e9);
        }

        /** "p50 1.23 ms, p90 …, p99 …, p99.9 …, max …" */
        String latency() {
            return String.format(
                    "p50 %.2f ms, p90 %.2f ms, **p99 %.2f ms**, p99.9 %.2f ms, max %.2f ms", p50, p90, p99, p999, max);
        }
    }

    /**
     * {@code wrk -t threads -c connections -d seconds -s script baseUrl -- args}; fails if wrk reports errors or
     * the script found wrong answers.
     */
    Result run(String script, String baseUrl, int threads, int connections, Duration duration, String... args)
            throws IOException, InterruptedException {
        Result result = counting(script, baseUrl, threads, connections, duration, args);
        if (result.errors() > 0 || result.mismatches() > 0) {
            throw new IllegalStateException(script + ": " + result.errors() + " failed requests, " + result.mismatches()
                    + " wrong answers; the first described: " + result.failures());
        }
        return result;
    }

    /**
     * As {@link #run}, but wrong answers are counted, not a failure: the result says how many and describes the
     * first few the script described. wrk itself failing or printing no result is still a failure.
     */
    Result counting(String script, String baseUrl, int threads, int connections, Duration duration, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                "wrk",
                "-t" + threads,
                "-c" + connections,
                "-d" + duration.toSeconds() + "s",
                "--timeout",
                "10s",
                "-s",
                scripts.resolve(script).toString(),
                baseUrl,
                "--"));
        command.addAll(List.of(args));
        Process wrk;
        try {
            wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("wrk is not installed: `make bench` installs it (apt-get install wrk)", e);
        }
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        String line = output.lines()
                .filter(l -> l.startsWith("WRK_RESULT "))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("wrk printed no result:\n" + output));
        JsonNode r = BenchSuite.JSON.readTree(line.substring("WRK_RESULT ".length()));
        return new Result(
                r.get("requests").asLong(),
                Duration.ofNanos(r.get("duration_us").asLong() * 1000),
                r.get("errors").asLong(),
                r.get("mismatches").asLong(),
                ms(r, "p50_us"),
                ms(r, "p90_us"),
                ms(r, "p99_us"),
                ms(r, "p999_us"),
                ms(r, "max_us"),
                failures(r));
    }

    /** The wrong answers the script described (bench/wrk/common.lua, describe_failure), none if it describes none. */
    private static List<String> failures(JsonNode result) {
        List<String> failures = new ArrayList<>();
        result.path("failures").forEach(f -> failures.add(f.asText()));
        return List.copyOf(failures);
    }

    private static double ms(JsonNode result, String field) {
        return result.get(field).asLong() / 1000.0;
    }
}
