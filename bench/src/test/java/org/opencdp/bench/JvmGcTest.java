package org.opencdp.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class JvmGcTest {

    private static String scrape(int minor, double minorSeconds, long allocated) {
        return String.format(Locale.ROOT, """
                # TYPE jvm_gc_pause_seconds summary
                jvm_gc_pause_seconds_count{action="end of minor GC",cause="Allocation Failure",gc="Copy"} %d.0
                jvm_gc_pause_seconds_sum{action="end of minor GC",cause="Allocation Failure",gc="Copy"} %f
                jvm_gc_pause_seconds_count{action="end of major GC",cause="System.gc()",gc="MarkSweepCompact"} 1.0
                jvm_gc_pause_seconds_sum{action="end of major GC",cause="System.gc()",gc="MarkSweepCompact"} 0.5
                jvm_gc_pause_seconds_max{action="end of minor GC",cause="Allocation Failure",gc="Copy"} 0.004
                # TYPE jvm_gc_memory_allocated_bytes_total counter
                jvm_gc_memory_allocated_bytes_total %d.0
                """, minor, minorSeconds, allocated);
    }

    @Test
    void aRunsCollectionsAreTheDifferenceOfTwoScrapesOverEveryCollector() {
        JvmGc before = JvmGc.scrape(scrape(10, 0.030, 1_000_000));
        JvmGc after = JvmGc.scrape(scrape(30, 0.070, 5_000_000));

        JvmGc run = after.since(before);

        assertThat(before.pauses()).isEqualTo(11);
        assertThat(before.pauseSeconds()).isCloseTo(0.53, Offset.offset(1e-9));
        assertThat(run.pauses()).isEqualTo(20);
        assertThat(run.meanPauseMillis()).isCloseTo(2.0, Offset.offset(1e-9));
        assertThat(run.allocatedBytes()).isEqualTo(4_000_000);
        assertThat(before.majorPauses()).isEqualTo(1);
        assertThat(before.majorPauseSeconds()).isEqualTo(0.5);
        assertThat(run.majorPauses()).isZero();
    }

    @Test
    void aServiceWithoutAFullCollectionYetHasNone() {
        JvmGc young = JvmGc.scrape("""
                jvm_gc_pause_seconds_count{action="end of minor GC",cause="Allocation Failure",gc="Copy"} 3.0
                jvm_gc_pause_seconds_sum{action="end of minor GC",cause="Allocation Failure",gc="Copy"} 0.006
                jvm_gc_memory_allocated_bytes_total 1000.0
                """);
        assertThat(young.pauses()).isEqualTo(3);
        assertThat(young.majorPauses()).isZero();
        assertThat(young.majorPauseSeconds()).isZero();
    }

    @Test
    void noPauseHasNoMeanPause() {
        JvmGc same = JvmGc.scrape(scrape(10, 0.030, 1_000));
        assertThat(same.since(same).meanPauseMillis()).isZero();
    }

    @Test
    void countersMissingFromTheMetricsAreAnError() {
        assertThatThrownBy(() -> JvmGc.scrape("process_cpu_usage 0.5\n"))
                .hasMessageContaining("no jvm_gc_pause_seconds_count");
    }
}
