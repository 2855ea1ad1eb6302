package org.opencdp.bench;

/**
 * A service's garbage collection counters from its /q/metrics (Micrometer's JVM binder): pauses, their total time
 * and the bytes allocated. The difference of two scrapes is what one measured run cost, so a latency tail can be set
 * beside the collections that stopped every request meanwhile (bench/README.md, consent: the tail at the target rate).
 *
 * @param pauses collections that stopped the application ({@code jvm_gc_pause_seconds_count}, all collectors)
 * @param pauseSeconds their total time ({@code jvm_gc_pause_seconds_sum})
 * @param allocatedBytes bytes allocated in the young generation ({@code jvm_gc_memory_allocated_bytes_total})
 * @param majorPauses of the pauses, the full collections ({@code action="end of major GC"}: the serial collector's
 *     mark-compact of the whole heap, G1's full collection), the long ones; none published is none yet
 * @param majorPauseSeconds their total time
 */
record JvmGc(double pauses, double pauseSeconds, double allocatedBytes, double majorPauses, double majorPauseSeconds) {

    private static final String MAJOR = "action=\"end of major GC\"";

    static JvmGc scrape(String metrics) {
        return new JvmGc(
                PrometheusText.sum(metrics, "jvm_gc_pause_seconds_count"),
                PrometheusText.sum(metrics, "jvm_gc_pause_seconds_sum"),
                PrometheusText.sum(metrics, "jvm_gc_memory_allocated_bytes_total"),
                PrometheusText.sumOfLabelled(metrics, "jvm_gc_pause_seconds_count", MAJOR),
                PrometheusText.sumOfLabelled(metrics, "jvm_gc_pause_seconds_sum", MAJOR));
    }

    JvmGc since(JvmGc before) {
        return new JvmGc(
                pauses - before.pauses,
                pauseSeconds - before.pauseSeconds,
                allocatedBytes - before.allocatedBytes,
                majorPauses - before.majorPauses,
                majorPauseSeconds - before.majorPauseSeconds);
    }

    /** The mean pause in milliseconds; 0 without a pause. */
    double meanPauseMillis() {
        return pauses == 0 ? 0 : pauseSeconds * 1000 / pauses;
    }
}
