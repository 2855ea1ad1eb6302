package org.opencdp.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class StackPortsTest {

    @Test
    void theLocalRunUsesTheDocumentedPorts() {
        StackPorts ports = StackPorts.defaults();

        assertThat(ports.postgres()).isEqualTo(5433);
        assertThat(ports.keycloak()).isEqualTo(8180);
        assertThat(ports.smtp()).isEqualTo(2525);
        assertThat(ports.mailbox()).isEqualTo(8025);
        assertThat(ports.services())
                .isEqualTo(Map.of(
                        Service.PROFILE,
                        8081,
                        Service.BEHAVIOUR,
                        8082,
                        Service.TRACKING,
                        8083,
                        Service.CONSENT,
                        8084,
                        Service.RETENTION,
                        8085));
    }

    @Test
    void theEndToEndSuiteShiftsEveryPortSoBothSuitesRunSideBySide() {
        StackPorts ports = StackPorts.endToEnd();

        assertThat(ports.postgres()).isEqualTo(15433);
        assertThat(ports.keycloak()).isEqualTo(18180);
        assertThat(ports.smtp()).isEqualTo(12525);
        assertThat(ports.mailbox()).isEqualTo(18025);
        assertThat(ports.of(Service.PROFILE)).isEqualTo(18081);
        assertThat(ports.of(Service.RETENTION)).isEqualTo(18085);
        assertThat(ports.managementOf(Service.PROFILE)).isEqualTo(19081);
    }

    @Test
    void healthAndMetricsAreOnAManagementPortBesideEachApiPort() {
        StackPorts ports = StackPorts.defaults();

        assertThat(ports.managementOf(Service.PROFILE)).isEqualTo(9081);
        assertThat(ports.managementOf(Service.RETENTION)).isEqualTo(9085);
        assertThat(StackPorts.benchmark().managementOf(Service.TRACKING)).isEqualTo(29083);
    }

    @Test
    void anOffsetThatLeavesTheValidRangeIsRefusedInOneSentence() {
        assertThatThrownBy(() -> StackPorts.defaults().shiftedBy(60000))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("outside 1024-65535");
    }

    @Test
    void portsMustBeGivenForEveryService() {
        assertThatThrownBy(() -> new StackPorts(5433, 8180, 2525, 8025, Map.of(Service.PROFILE, 8081)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("behaviour-service");
    }
}
