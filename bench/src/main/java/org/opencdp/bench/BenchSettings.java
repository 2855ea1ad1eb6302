package org.opencdp.bench;

import java.time.Duration;

/** What every scenario shares; sizes and durations are system properties (bench/README.md). */
final class BenchSettings {

    /** Each figure is the median of this many measured runs, at least three (issue 8). */
    static final int RUNS = Math.max(3, Integer.getInteger("bench.runs", 3));
    /** One measured run of a load. */
    static final Duration RUN = Duration.ofSeconds(Integer.getInteger("bench.seconds", 30));
    /** The unmeasured run before a load's measured runs: the JIT needs about a minute on two busy cores. */
    static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warm-up-seconds", 60));

    private BenchSettings() {}

    /** The time of one warm-up and the measured runs of one load. */
    static Duration load() {
        return WARM_UP.plus(RUN.multipliedBy(RUNS));
    }
}
