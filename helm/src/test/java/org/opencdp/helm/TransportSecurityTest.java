package org.opencdp.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencdp.helm.Manifests.container;
import static org.opencdp.helm.Manifests.env;
import static org.opencdp.helm.Manifests.named;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 9, transport and cluster: TLS between the services (cert-manager by default, a mesh as the alternative),
 * verified database connections, https for the realm in production, the Swagger UI off in production, and health
 * and metrics on the management port only.
 */
class TransportSecurityTest {

    private static final List<String> SERVICES =
            List.of("profile-service", "behaviour-service", "tracking-service", "consent-service", "retention-service");
    private static final Path PRODUCTION_VALUES = Manifests.chart().resolve("values-production.yaml");
    private static List<JsonNode> rendered;
    private static List<JsonNode> production;

    @BeforeAll
    static void render() {
        rendered = Manifests.parse(Manifests.template().call());
        production = Manifests.parse(
                Manifests.template().withValuesFile(PRODUCTION_VALUES).call());
    }

    @Test
    void eachServiceGetsACertificateForItsServiceNamesFromTheClusterCa() {
        for (String service : SERVICES) {
            JsonNode certificate =
                    named(rendered, "Certificate", service + "-tls").path("spec");
            assertThat(certificate.path("secretName").asText()).isEqualTo(service + "-tls");
            assertThat(certificate.path("dnsNames"))
                    .extracting(JsonNode::asText)
                    .containsExactly(
                            service,
                            service + ".opencdp",
                            service + ".opencdp.svc",
                            service + ".opencdp.svc.cluster.local");
            assertThat(certificate.path("issuerRef").path("name").asText()).isEqualTo("opencdp-ca");
            assertThat(certificate.path("usages").toString()).contains("server auth");
        }
    }

    @Test
    void eachServiceServesHttpsOnlyWithItsMountedCertificate() {
        for (String service : SERVICES) {
            JsonNode deployment = named(rendered, "Deployment", service);
            assertThat(container(deployment).path("ports"))
                    .extracting(p -> p.path("name").asText() + ":"
                            + p.path("containerPort").asInt())
                    .as(service)
                    .containsExactlyInAnyOrder("https:8443", "management:9000");
            assertThat(env(deployment, "QUARKUS_HTTP_INSECURE_REQUESTS")).isEqualTo("disabled");
            assertThat(env(deployment, "QUARKUS_HTTP_SSL_PORT")).isEqualTo("8443");
            assertThat(env(deployment, "QUARKUS_HTTP_SSL_CERTIFICATE_FILES")).isEqualTo("/var/run/opencdp/tls/tls.crt");
            assertThat(env(deployment, "QUARKUS_HTTP_SSL_CERTIFICATE_KEY_FILES"))
                    .isEqualTo("/var/run/opencdp/tls/tls.key");
            assertThat(volume(deployment, "tls")
                            .path("secret")
                            .path("secretName")
                            .asText())
                    .isEqualTo(service + "-tls");
            assertThat(mountPath(deployment, "tls")).isEqualTo("/var/run/opencdp/tls");

            JsonNode service_ = named(rendered, "Service", service);
            assertThat(service_.path("spec").path("ports"))
                    .extracting(
                            p -> p.path("name").asText() + ":" + p.path("port").asInt())
                    .containsExactlyInAnyOrder("https:8443", "management:9000");
        }
    }

    @Test
    void theServicesCallEachOtherOverHttpsAndTrustTheClusterCa() {
        for (String service : SERVICES) {
            JsonNode deployment = named(rendered, "Deployment", service);
            for (String other : List.of("profile", "behaviour", "tracking", "consent", "retention")) {
                assertThat(env(deployment, "OPENCDP_" + other.toUpperCase() + "_URL"))
                        .isEqualTo("https://" + other + "-service:8443");
            }
            assertThat(env(deployment, "JDK_JAVA_OPTIONS"))
                    .contains("-Djavax.net.ssl.trustStore=/var/run/opencdp/truststore/truststore.p12");
            JsonNode inits =
                    deployment.path("spec").path("template").path("spec").path("initContainers");
            assertThat(inits)
                    .extracting(init -> init.path("name").asText())
                    .containsExactly("truststore-public-cas", "truststore-cluster-ca");
            assertThat(String.join(" ", texts(inits.get(1).path("args"))))
                    .contains(
                            "-file /var/run/opencdp/tls/ca.crt",
                            "-keystore /var/run/opencdp/truststore/truststore.p12");
            for (JsonNode init : inits) {
                assertThat(texts(init.path("command"))).containsExactly("/opt/java/bin/keytool");
                assertThat(init.path("securityContext")
                                .path("readOnlyRootFilesystem")
                                .asBoolean())
                        .isTrue();
            }
        }
    }

    @Test
    void theDatabaseConnectionIsVerifiedAgainstTheClustersCaWithoutItsPrivateKey() {
        for (String service : SERVICES) {
            String database = service.replace("-service", "");
            JsonNode deployment = named(rendered, "Deployment", service);
            assertThat(env(deployment, "OPENCDP_DB_URL"))
                    .isEqualTo("jdbc:postgresql://" + database + "-db-rw:5432/" + database
                            + "?sslmode=verify-full&sslrootcert=/var/run/opencdp/database-ca/ca.crt");
            JsonNode secret = volume(deployment, "database-ca").path("secret");
            assertThat(secret.path("secretName").asText()).isEqualTo(database + "-db-ca");
            // CloudNativePG's CA secret also holds ca.key: only the certificate is projected into the pod.
            assertThat(secret.path("items"))
                    .extracting(i -> i.path("key").asText())
                    .containsExactly("ca.crt");
            assertThat(mountPath(deployment, "database-ca")).isEqualTo("/var/run/opencdp/database-ca");
        }
    }

    @Test
    void aUrlWithParametersKeepsThemAndGetsVerifyFullAppended() {
        List<JsonNode> docs = Manifests.parse(Manifests.template()
                .set("profile-service.database.url", "jdbc:postgresql://db:5432/profile?ApplicationName=profile")
                .call());
        assertThat(env(named(docs, "Deployment", "profile-service"), "OPENCDP_DB_URL"))
                .isEqualTo(
                        "jdbc:postgresql://db:5432/profile?ApplicationName=profile&sslmode=verify-full&sslrootcert=/var/run/opencdp/database-ca/ca.crt");
    }

    @Test
    void probesAndScrapingUseTheManagementPortNeverTheApiPort() {
        for (String service : SERVICES) {
            JsonNode container = container(named(rendered, "Deployment", service));
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertThat(container.path(probe).path("httpGet").path("port").asText())
                        .as(service + " " + probe)
                        .isEqualTo("management");
            }
        }
    }

    @Test
    void productionValuesRenderWithTheSwaggerUiOffAndDevelopmentValuesWithItOn() {
        for (String service : SERVICES) {
            assertThat(env(named(production, "Deployment", service), "QUARKUS_SWAGGER_UI_ENABLE"))
                    .as(service)
                    .isEqualTo("false");
            assertThat(env(named(rendered, "Deployment", service), "QUARKUS_SWAGGER_UI_ENABLE"))
                    .as(service)
                    .isNull();
        }
    }

    @Test
    void productionRefusesAnHttpRealm() {
        assertThatThrownBy(() -> Manifests.template()
                        .withValuesFile(PRODUCTION_VALUES)
                        .set("global.oidc.url", "http://keycloak:8080/realms/cdp")
                        .call())
                .hasMessageContaining("oidc")
                .hasMessageContaining("url");
        assertThatThrownBy(() -> Manifests.template()
                        .withValuesFile(PRODUCTION_VALUES)
                        .set("global.oidc.publicUrl", "http://login.example.com/realms/cdp")
                        .call())
                .hasMessageContaining("publicUrl");
        // The same URL is accepted outside production (a developer's cluster).
        assertThat(Manifests.template()
                        .set("global.oidc.url", "http://keycloak:8080/realms/cdp")
                        .call())
                .isNotBlank();
    }

    @Test
    void productionRefusesHttpBetweenTheServicesAndAnUnverifiedDatabase() {
        assertThatThrownBy(() -> Manifests.template()
                        .withValuesFile(PRODUCTION_VALUES)
                        .set("global.services.consent", "http://consent-service:8080")
                        .call())
                .hasMessageContaining("consent");
        assertThatThrownBy(() -> Manifests.template()
                        .withValuesFile(PRODUCTION_VALUES)
                        .set("tracking-service.database.caSecretName", "")
                        .call())
                .hasMessageContaining("caSecretName");
    }

    @Test
    void corsNeverAllowsEveryOrigin() {
        assertThatThrownBy(() ->
                        Manifests.template().set("global.corsOrigins", "*").call())
                .hasMessageContaining("corsOrigins");
        assertThatThrownBy(() -> Manifests.template()
                        .set("global.corsOrigins", "https://app.example.com\\,*")
                        .call())
                .hasMessageContaining("corsOrigins");
    }

    @Test
    void theMeshAlternativeServesPlainHttpInsideThePodWithoutCertificates() {
        List<JsonNode> mesh = Manifests.parse(Manifests.template()
                .withValuesFile(PRODUCTION_VALUES)
                .set("global.tls.mode", "mesh")
                .call());
        assertThat(Manifests.ofKind(mesh, "Certificate")).isEmpty();
        JsonNode deployment = named(mesh, "Deployment", "profile-service");
        assertThat(container(deployment).path("ports"))
                .extracting(p ->
                        p.path("name").asText() + ":" + p.path("containerPort").asInt())
                .containsExactlyInAnyOrder("http:8080", "management:9000");
        assertThat(env(deployment, "QUARKUS_HTTP_INSECURE_REQUESTS")).isNull();
        assertThat(env(deployment, "OPENCDP_CONSENT_URL")).isEqualTo("http://consent-service:8080");
        assertThat(deployment
                        .path("spec")
                        .path("template")
                        .path("spec")
                        .path("initContainers")
                        .isMissingNode())
                .isTrue();
        // The realm stays https and the database verified in production, mesh or not.
        assertThat(env(deployment, "OPENCDP_DB_URL")).contains("sslmode=verify-full");
    }

    /**
     * Runs the two rendered init containers' commands with this JDK's keytool (the image's paths moved to this JDK
     * and a scratch directory): the trust store they write holds the cluster CA beside the JDK's public CAs, readable
     * with the password the JVM is given.
     */
    @Test
    void theTrustStoreStepsAddTheClusterCaToThePublicOnes(@TempDir Path scratch) throws Exception {
        JsonNode inits = named(rendered, "Deployment", "consent-service")
                .path("spec")
                .path("template")
                .path("spec")
                .path("initContainers");
        Files.createDirectories(scratch.resolve("tls"));
        Files.createDirectories(scratch.resolve("truststore"));
        run(
                scratch,
                keytool(),
                "-genkeypair",
                "-alias",
                "ca",
                "-keyalg",
                "EC",
                "-dname",
                "CN=OpenCDP test cluster CA",
                "-ext",
                "bc:c",
                "-keystore",
                "ca.p12",
                "-storepass",
                "scratch-pass");
        run(
                scratch,
                keytool(),
                "-exportcert",
                "-rfc",
                "-alias",
                "ca",
                "-keystore",
                "ca.p12",
                "-storepass",
                "scratch-pass",
                "-file",
                scratch.resolve("tls/ca.crt").toString());

        for (JsonNode init : inits) {
            List<String> command = new ArrayList<>();
            command.addAll(texts(init.path("command")));
            command.addAll(texts(init.path("args")));
            run(
                    scratch,
                    command.stream()
                            .map(part -> part.replace("/opt/java", System.getProperty("java.home"))
                                    .replace("/var/run/opencdp", scratch.toString()))
                            .toArray(String[]::new));
        }

        String listing = run(
                scratch,
                keytool(),
                "-list",
                "-keystore",
                scratch.resolve("truststore/truststore.p12").toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                "changeit");
        assertThat(listing).contains("opencdp-cluster-ca");
        assertThat(listing.lines().filter(l -> l.contains("trustedCertEntry")).count())
                .isGreaterThan(50);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static String keytool() {
        return Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    }

    private static String run(Path dir, String... command) throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("PATH", Path.of(keytool()).getParent() + ":" + System.getenv("PATH"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor())
                .as(String.join(" ", command) + "\n" + output)
                .isZero();
        return output;
    }

    private static JsonNode volume(JsonNode deployment, String name) {
        return StreamSupport.stream(
                        deployment
                                .path("spec")
                                .path("template")
                                .path("spec")
                                .path("volumes")
                                .spliterator(),
                        false)
                .filter(v -> name.equals(v.path("name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + name));
    }

    private static String mountPath(JsonNode deployment, String volume) {
        return StreamSupport.stream(container(deployment).path("volumeMounts").spliterator(), false)
                .filter(m -> volume.equals(m.path("name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no mount of " + volume))
                .path("mountPath")
                .asText();
    }
}
