package org.opencdp.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import com.marcnuri.helm.TemplateCommand;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * A rolling update loses no accepted request: a new pod is ready before an old one goes (maxUnavailable 0), an old
 * pod keeps serving while its endpoint removal spreads (preStop), then Quarkus finishes the requests in flight
 * (quarkus.shutdown.timeout) well within the termination grace period.
 */
class SafeRolloutTest {

    private static List<Deployment> deployments(TemplateCommand template) {
        List<HasMetadata> objects = KubernetesObjects.typed(Manifests.parse(template.call()));
        return objects.stream()
                .filter(Deployment.class::isInstance)
                .map(Deployment.class::cast)
                .toList();
    }

    private static Container container(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
    }

    private static String env(Deployment deployment, String name) {
        return container(deployment).getEnv().stream()
                .filter(e -> e.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name))
                .getValue();
    }

    @Test
    void oldPodsGoOnlyAfterNewOnesAreReadyAndDrainBeforeTheyStop() {
        for (Deployment deployment : deployments(Manifests.template())) {
            String name = deployment.getMetadata().getName();
            assertThat(deployment.getSpec().getStrategy().getType()).as(name).isEqualTo("RollingUpdate");
            assertThat(deployment
                            .getSpec()
                            .getStrategy()
                            .getRollingUpdate()
                            .getMaxUnavailable()
                            .getIntVal())
                    .as(name)
                    .isZero();

            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            var preStop = container(deployment).getLifecycle().getPreStop();
            assertThat(preStop.getExec())
                    .as(name + ": no shell or command needed")
                    .isNull();
            assertThat(preStop.getSleep().getSeconds()).as(name).isEqualTo(5L);
            assertThat(env(deployment, "QUARKUS_SHUTDOWN_TIMEOUT")).as(name).isEqualTo("20s");
            assertThat(pod.getTerminationGracePeriodSeconds())
                    .as(name + ": preStop + shutdown timeout + margin")
                    .isEqualTo(5L + 20L + 10L);
        }
    }

    @Test
    void theGracePeriodFollowsTheShutdownValues() {
        for (Deployment deployment : deployments(Manifests.template()
                .set("consent-service.shutdown.preStopSeconds", "10")
                .set("consent-service.shutdown.timeoutSeconds", "45"))) {
            if (deployment.getMetadata().getName().equals("consent-service")) {
                assertThat(deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
                        .isEqualTo(65L);
                assertThat(container(deployment)
                                .getLifecycle()
                                .getPreStop()
                                .getSleep()
                                .getSeconds())
                        .isEqualTo(10L);
                assertThat(env(deployment, "QUARKUS_SHUTDOWN_TIMEOUT")).isEqualTo("45s");
            }
        }
    }

    /**
     * The images have no shell and no sleep command (Jib from scratch, docs/operations.md "Images"): the preStop pause
     * needs the kubelet's sleep action, so the chart refuses clusters older than 1.30 instead of rendering a hook
     * that would fail.
     */
    @Test
    void olderClustersThanTheSleepActionAreRefused() {
        assertThatThrownBy(() -> Manifests.template().withKubeVersion("1.29.4").call())
                .hasMessageContaining("kubeVersion");
    }

    /** A service started outside the chart (the local run, a plain container) also drains: the shared default. */
    @Test
    void everyServiceWaitsForItsRequestsInFlightByDefault() throws IOException {
        Properties defaults = new Properties();
        try (Reader reader = Files.newBufferedReader(Manifests.repoRoot()
                .resolve("libs/service-defaults/src/main/resources/META-INF/microprofile-config.properties"))) {
            defaults.load(reader);
        }
        Duration timeout = Duration.parse("PT" + defaults.getProperty("quarkus.shutdown.timeout"));
        assertThat(timeout).isEqualTo(Duration.ofSeconds(20));
        assertThat(defaults.getProperty("quarkus.shutdown.delay-enabled"))
                .as("Quarkus announces the shutdown's start, which closes libs/problem's ShutdownGate")
                .isEqualTo("true");
        assertThat(defaults.getProperty("quarkus.shutdown.delay"))
                .as("the preStop hook pauses; a second pause inside the JVM would only lengthen every rollout")
                .isNull();
    }
}
