package org.opencdp.bench;

/**
 * A service's garbage collection counters from its /q/metrics (Micrometer's JVM binder): pauses, their total time
 * and the bytes allocated. The difference of two scrapes is what one measured run cost, so a latency tail can be set
 * beside the collections that stopped every request meanwhile (bench/README.md, consent: the tail at the target rate).
 *
 * @param pauses collections that stopped the application ({@code jvm_gc_pause_seconds_count}, all collectors)
 * @param pauseSeconds their total time ({@code jvm_gc_pause_seconds_sum})
 * @param allocatedBytes bytes allocated in the young generation ({@code jvm_gc_memory_allocated_bytes_total})
 */
record JvmGc(double pauses, double pauseSeconds, double allocatedBytes) {

    static JvmGc scrape(String metrics) {
        return new JvmGc(
                PrometheusText.sum(metrics, "jvm_gc_pause_seconds_count"),
                PrometheusText.sum(metrics, "jvm_gc_pause_seconds_sum"),
                PrometheusText.sum(metrics, "jvm_gc_memory_allocated_bytes_total"));
    }

    JvmGc since(JvmGc before) {
        return new JvmGc(
                pauses - before.pauses, pauseSeconds - before.pauseSeconds, allocatedBytes - before.allocatedBytes);
    }

    /** The mean pause in milliseconds; 0 without a pause. */
    double meanPauseMillis() {
        return pauses == 0 ? 0 : pauseSeconds * 1000 / pauses;
    }
}
