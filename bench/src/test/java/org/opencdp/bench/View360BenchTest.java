package org.opencdp.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencdp.localstack.Service;

class View360BenchTest {

    /** The bench module's tests run in bench/. */
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theTimeoutIsTheSuitesSettingForItsServicesWhenSet() throws Exception {
        assertThat(View360Bench.configuredTimeoutMillis(Map.of(View360Bench.TIMEOUT_SETTING, " 450 "), REPO))
                .isEqualTo(450);
    }

    @Test
    void withoutASettingTheTimeoutIsTheDefaultProfileServiceShipsWith() throws Exception {
        assumeTrue(System.getenv(View360Bench.TIMEOUT_SETTING) == null, "the harness's environment sets it");
        assertThat(View360Bench.configuredTimeoutMillis(Map.of(), REPO)).isEqualTo(300);
    }

    @Test
    void eachServiceTheViewAsksHasItsPartAndNoOtherCanBeStopped() {
        assertThat(View360Bench.partOf(Service.BEHAVIOUR)).isEqualTo("kpis");
        assertThat(View360Bench.partOf(Service.CONSENT)).isEqualTo("consents");
        assertThat(View360Bench.partOf(Service.TRACKING)).isEqualTo("webVisits");
        assertThatThrownBy(() -> View360Bench.partOf(Service.RETENTION)).isInstanceOf(IllegalArgumentException.class);
    }
}
