package org.opencdp.bench;

import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.function.Predicate;

import com.sun.management.OperatingSystemMXBean;

/**
 * A load offered at a fixed rate, wrk2's method (bench/README.md, "Latency at the target rate"): request i is due at
 * {@code start + i / rate} and sent then, whether or not the answers before it have come; its latency is counted
 * from that due time, not from when it went out, so a stall of the service counts for every request that should
 * have been sent during it (no coordinated omission). The JDK's HTTP client opens another connection whenever all
 * are busy, so the number of connections never caps the rate.
 */
final class OpenLoop {

    /**
     * A run keeps its rate when the answers that came within the run's time were no less than this share of the
     * rate offered: a service that keeps up leaves only the requests of its last few milliseconds unanswered at the
     * end, one that does not falls further behind with every second.
     */
    static final double RATE_KEPT = 0.95;

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final long UNANSWERED = -1;

    private final HttpClient http;

    OpenLoop(HttpClient http) {
        this.http = http;
    }

    /**
     * @param offered requests per second offered
     * @param latencyNanos each request's latency in due order, from its due time to its answer
     * @param answeredInTime the answers that came within {@code duration} of the first due time
     * @param duration the run's time: the requests were due within it
     * @param generatorCores CPU the benchmark's own process used meanwhile, in cores (CPU seconds per second)
     */
    record Result(double offered, long[] latencyNanos, long answeredInTime, Duration duration, double generatorCores) {

        /** The rate achieved: answers per second within the run's time. */
        double perSecond() {
            return answeredInTime / (duration.toNanos() / 1e9);
        }

        double p50() {
            return percentile(0.50);
        }

        double p99() {
            return percentile(0.99);
        }

        double p999() {
            return percentile(0.999);
        }

        /** The q-quantile in milliseconds, by nearest rank: the smallest latency at least q of all are at most. */
        double percentile(double q) {
            long[] sorted = latencyNanos.clone();
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(q * sorted.length);
            return sorted[Math.max(0, rank - 1)] / 1e6;
        }
    }

    /**
     * Offers {@code perSecond} requests a second for {@code duration} and waits for every answer; fails if one
     * failed, did not pass {@code answerOk} or had not come 10 s after the last request was due, or if the answers
     * within the run's time came at less than {@link #RATE_KEPT} of the rate offered (the service, or the generator,
     * could not keep it).
     */
    Result run(
            double perSecond,
            Duration duration,
            IntFunction<HttpRequest> request,
            Predicate<HttpResponse<String>> answerOk)
            throws InterruptedException {
        int count = (int) Math.round(perSecond * duration.toNanos() / 1e9);
        if (count < 1) {
            throw new IllegalArgumentException(perSecond + "/s for " + duration + " is not one request");
        }
        long[] latency = new long[count];
        Arrays.fill(latency, UNANSWERED);
        AtomicLong answeredInTime = new AtomicLong();
        CompletableFuture<?>[] answers = new CompletableFuture<?>[count];
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        for (int i = 0; i < count; i++) {
            long due = dueAt(start, i, perSecond);
            long early = due - System.nanoTime();
            if (early > 0) {
                LockSupport.parkNanos(early);
            }
            int number = i;
            answers[i] = http.sendAsync(request.apply(i), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((answer, failure) -> {
                        long now = System.nanoTime();
                        if (failure == null && answerOk.test(answer)) {
                            latency[number] = now - due;
                            if (now <= end) {
                                answeredInTime.incrementAndGet();
                            }
                        }
                    });
        }
        try {
            CompletableFuture.allOf(answers).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            // Counted below, request by request.
        }
        long cpu = os.getProcessCpuTime() - cpuBefore;
        long elapsed = System.nanoTime() - start;
        long unanswered = Arrays.stream(latency).filter(l -> l == UNANSWERED).count();
        if (unanswered > 0) {
            throw new IllegalStateException(String.format(
                    "at %.0f requests/s: %d of %d requests failed or were answered wrongly",
                    perSecond, unanswered, count));
        }
        Result result = new Result(perSecond, latency, answeredInTime.get(), duration, cpu / (double) elapsed);
        if (result.perSecond() < RATE_KEPT * perSecond) {
            throw new IllegalStateException(String.format(
                    "offered %.0f requests/s, answered %.0f/s: the rate was not kept", perSecond, result.perSecond()));
        }
        return result;
    }

    /** When request i is due: i periods of 1/perSecond after the start, without accumulating rounding. */
    static long dueAt(long start, int i, double perSecond) {
        return start + Math.round(i * 1e9 / perSecond);
    }
}
