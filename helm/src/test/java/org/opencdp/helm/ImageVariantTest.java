package org.opencdp.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.marcnuri.helm.TemplateCommand;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** JVM, JVM with the AOT cache, or native, for all services or one: the image tag, the JVM options, the memory. */
class ImageVariantTest {

    /**
     * helm/opencdp/charts/cdp-service/jvm.options without its comments: what every JVM of the suite runs with, in the
     * chart as in the local suite and the benchmarks (tools/local-stack reads the same file).
     */
    private static final String DEFAULTS =
            "-XX:+UseSerialGC -XX:MaxRAMPercentage=60 -XX:InitialRAMPercentage=12.5 -XX:NewRatio=5"
                    + " -XX:+ExitOnOutOfMemoryError"
                    + " -XX:TrimNativeHeapInterval=1000";

    /** tracking-service's own, from jvm-tracking-service.options beside jvm.options, after the defaults. */
    private static final String TRACKING = " -Xmn64m";

    /** consent-service's own, from jvm-consent-service.options. */
    private static final String CONSENT = " -XX:NewRatio=2";

    /** What a service's JVM starts with before the release's javaOptions: the defaults, then the service's own. */
    private static String defaults(String service) {
        return switch (service) {
            case "tracking-service" -> DEFAULTS + TRACKING;
            case "consent-service" -> DEFAULTS + CONSENT;
            default -> DEFAULTS;
        };
    }

    private static Map<String, Deployment> deployments(TemplateCommand template) {
        return KubernetesObjects.typed(Manifests.parse(template.call())).stream()
                .filter(Deployment.class::isInstance)
                .map(Deployment.class::cast)
                .collect(Collectors.toMap(d -> d.getMetadata().getName(), d -> d));
    }

    private static Container container(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
    }

    private static String javaOptions(Deployment deployment) {
        return env(deployment, "JDK_JAVA_OPTIONS");
    }

    private static String env(Deployment deployment, String name) {
        return container(deployment).getEnv().stream()
                .filter(e -> e.getName().equals(name))
                .map(EnvVar::getValue)
                .findFirst()
                .orElse(null);
    }

    @Test
    void theJvmImageIsTheDefault() {
        for (Deployment deployment : deployments(Manifests.template()).values()) {
            String name = deployment.getMetadata().getName();
            assertThat(container(deployment).getImage()).isEqualTo("ghcr.io/opencdp/" + name + ":0.1.0");
            assertThat(javaOptions(deployment))
                    .as(name)
                    .startsWith(defaults(name) + " -Djavax.net.ssl.trustStore=")
                    .doesNotContain("AOTCache");
            assertThat(container(deployment).getArgs()).isEmpty();
            // glibc's malloc keeps less freed memory resident with two arenas (docs/operations.md, "Memory").
            assertThat(env(deployment, "MALLOC_ARENA_MAX")).as(name).isEqualTo("2");
        }
    }

    @Test
    void theAotVariantRunsTheAotImageWithItsCache() {
        for (Deployment deployment : deployments(Manifests.template().set("global.image.variant", "jvm-aot"))
                .values()) {
            String name = deployment.getMetadata().getName();
            assertThat(container(deployment).getImage()).isEqualTo("ghcr.io/opencdp/" + name + ":0.1.0-aot");
            assertThat(javaOptions(deployment))
                    .as(name)
                    .startsWith(defaults(name) + " -XX:AOTCache=/deployments/app.aot")
                    .contains("-Djavax.net.ssl.trustStore=/var/run/opencdp/truststore/truststore.p12");
        }
    }

    @Test
    void oneServiceCanRunNativeWithoutJvmOptionsAndWithLessMemory() {
        Map<String, Deployment> deployments =
                deployments(Manifests.template().set("consent-service.image.variant", "native"));

        Deployment consent = deployments.get("consent-service");
        assertThat(container(consent).getImage()).isEqualTo("ghcr.io/opencdp/consent-service:0.1.0-native");
        assertThat(javaOptions(consent)).isNull();
        // A native executable allocates with glibc's malloc too.
        assertThat(env(consent, "MALLOC_ARENA_MAX")).isEqualTo("2");
        // The trust store as system properties after the executable's own arguments.
        assertThat(container(consent).getArgs())
                .containsExactly(
                        "-Djavax.net.ssl.trustStore=/var/run/opencdp/truststore/truststore.p12",
                        "-Djavax.net.ssl.trustStoreType=PKCS12",
                        "-Djavax.net.ssl.trustStorePassword=changeit");
        assertThat(container(consent).getResources().getLimits()).containsEntry("memory", new Quantity("256Mi"));
        assertThat(container(consent).getResources().getRequests()).containsEntry("memory", new Quantity("128Mi"));
        // The trust store is built with the JVM image's keytool: a native image has no JDK.
        assertThat(consent.getSpec().getTemplate().getSpec().getInitContainers())
                .hasSize(2)
                .allSatisfy(init -> assertThat(init.getImage()).isEqualTo("ghcr.io/opencdp/consent-service:0.1.0"));

        Deployment profile = deployments.get("profile-service");
        assertThat(container(profile).getImage()).isEqualTo("ghcr.io/opencdp/profile-service:0.1.0");
        assertThat(container(profile).getResources().getLimits()).containsEntry("memory", new Quantity("512Mi"));
    }

    @Test
    void aServiceOverridesTheGlobalVariantAndBehindAMeshNativeNeedsNoArguments() {
        Map<String, Deployment> deployments = deployments(Manifests.template()
                .set("global.image.variant", "native")
                .set("global.tls.mode", "mesh")
                .set("retention-service.image.variant", "jvm-aot"));

        assertThat(container(deployments.get("tracking-service")).getImage()).endsWith(":0.1.0-native");
        assertThat(container(deployments.get("tracking-service")).getArgs()).isEmpty();
        assertThat(javaOptions(deployments.get("tracking-service"))).isNull();
        assertThat(container(deployments.get("retention-service")).getImage()).endsWith(":0.1.0-aot");
        assertThat(javaOptions(deployments.get("retention-service")))
                .isEqualTo(DEFAULTS + " -XX:AOTCache=/deployments/app.aot");
    }

    @Test
    void aReleasesJavaOptionsComeAfterTheDefaultsSoThatTheyWin() {
        Map<String, Deployment> deployments = deployments(Manifests.template()
                .set("global.tls.mode", "mesh")
                .set("profile-service.javaOptions", "-XX:MaxRAMPercentage=50")
                .set("profile-service.image.variant", "jvm-aot"));

        assertThat(javaOptions(deployments.get("profile-service")))
                .isEqualTo(DEFAULTS + " -XX:MaxRAMPercentage=50 -XX:AOTCache=/deployments/app.aot");
        assertThat(javaOptions(deployments.get("retention-service"))).isEqualTo(defaults("retention-service"));
    }

    @Test
    void anUnknownVariantIsRefused() {
        for (String key : List.of("global.image.variant", "profile-service.image.variant")) {
            assertThatThrownBy(() -> Manifests.template().set(key, "graal").call())
                    .as(key)
                    .hasMessageContaining("variant");
        }
    }
}
