package org.opencdp.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** What every service image must be, checked on a tarball read back (OciTarball). */
final class ImageChecks {

    /** Names that suggest a secret: in an environment variable's name, or a file's (jars and classes aside). */
    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i)password|passwd|secret|token|credential|private|api[_-]?key|(^|[_.-])key($|[_.-])");

    private static final Pattern SECRET_FILE =
            Pattern.compile("(?i).*(\\.pem|\\.key|\\.p12|\\.pfx|\\.jks|\\.env|id_rsa|id_ed25519|\\.netrc|\\.pgpass)$");

    private ImageChecks() {}

    /** User, entrypoint, ports, working directory, creation time: the image's configuration. */
    static void configuration(OciTarball image) {
        JsonNode config = image.config();
        assertThat(config.path("User").asText()).isEqualTo("185:185");
        assertThat(config.path("User").asText()).doesNotStartWith("0").doesNotStartWith("root");
        assertThat(texts(config.path("Entrypoint")))
                .containsExactly("/opt/java/bin/java", "-jar", "/deployments/quarkus-run.jar");
        assertThat(config.path("Cmd").isMissingNode()
                        || config.path("Cmd").isNull()
                        || config.path("Cmd").isEmpty())
                .as("no Cmd: the chart passes its arguments after the entrypoint")
                .isTrue();
        List<String> ports = new ArrayList<>();
        config.path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
        assertThat(ports).containsExactlyInAnyOrder("8080/tcp", "8443/tcp", "9000/tcp");
        assertThat(config.path("WorkingDir").asText()).isEqualTo("/deployments");
        assertThat(image.configBlob().path("created").asText()).startsWith("1970-01-01T00:00:00");
        assertThat(image.configBlob().path("os").asText()).isEqualTo("linux");
    }

    /** No environment variable or file whose name looks like a secret; no file writable by the service's user. */
    static void noSecretsAndReadOnly(OciTarball image) {
        for (String variable : texts(image.config().path("Env"))) {
            String name = variable.substring(0, variable.indexOf('='));
            assertThat(SECRET_NAME.matcher(name).find())
                    .as("environment variable %s looks like a secret", name)
                    .isFalse();
        }
        for (OciTarball.Layer layer : image.layers()) {
            for (Map.Entry<String, OciTarball.Entry> file : layer.files().entrySet()) {
                String path = file.getKey();
                String name = path.substring(path.lastIndexOf('/') + 1);
                boolean code = name.endsWith(".jar") || name.endsWith(".class") || name.endsWith(".so");
                assertThat(!code
                                && (SECRET_NAME.matcher(name).find()
                                        || SECRET_FILE.matcher(name).matches()))
                        .as("%s looks like a secret", path)
                        .isFalse();
                OciTarball.Entry entry = file.getValue();
                assertThat(entry.uid())
                        .as("%s is owned by root, not the service's user", path)
                        .isZero();
                assertThat(entry.mode() & 0022)
                        .as("%s is writable by group or others", path)
                        .isZero();
            }
        }
    }

    /** The layers: the JDK runtime under /opt/java, then the application under /deployments. */
    static void layers(OciTarball image, boolean aotCache) {
        List<OciTarball.Layer> layers = image.layers();
        assertThat(layers).hasSize(aotCache ? 4 : 3);
        OciTarball.Layer runtime = layers.get(0);
        assertThat(runtime.topDirectories()).containsExactly("opt");
        assertThat(runtime.files().get("opt/java/bin/java").mode() & 0111)
                .as("java is executable")
                .isNotZero();
        assertThat(runtime.files()).containsKey("opt/java/bin/keytool").containsKey("opt/java/release");
        assertThat(regularFiles(layers.get(1))).isNotEmpty().allMatch(path -> path.startsWith("deployments/lib/"));
        assertThat(regularFiles(layers.get(2)))
                .contains("deployments/quarkus-run.jar")
                .anyMatch(path -> path.startsWith("deployments/app/"))
                .anyMatch(path -> path.startsWith("deployments/quarkus/"))
                .allMatch(path -> path.matches("deployments/(quarkus-run\\.jar|app/.*|quarkus/.*)"));
        if (aotCache) {
            assertThat(regularFiles(layers.get(3))).containsExactly("deployments/app.aot");
            assertThat(texts(image.config().path("Env")))
                    .contains("JDK_JAVA_OPTIONS=-XX:AOTCache=/deployments/app.aot");
        } else {
            assertThat(texts(image.config().path("Env"))).noneMatch(variable -> variable.contains("AOTCache"));
        }
        assertThat(image.config().path("Labels").path("org.opencdp.jdk.build").asText())
                .isNotBlank();
    }

    /**
     * The application is Quarkus's aot-jar (docs/operations.md, "The AOT cache"): quarkus-run.jar starts Quarkus's AOT
     * entry point, which leaves class loading to the JDK's application class loader, and its class path names the
     * application's jars, every one of them in the image. A fast-jar here would start, but its classes would stay out
     * of the AOT cache; a jar missing from the image would fail the service at its first use.
     */
    static void aotJar(OciTarball image) throws IOException {
        Map<String, OciTarball.Entry> application = image.layers().get(2).files();
        OciTarball.Entry runner = application.get("deployments/quarkus-run.jar");
        assertThat(runner).as("quarkus-run.jar").isNotNull();
        assertThat(runner.size())
                .as("quarkus-run.jar holds a manifest only")
                .isLessThanOrEqualTo(OciTarball.KEPT_CONTENT);
        Manifest manifest;
        try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(runner.content()))) {
            manifest = jar.getManifest();
        }
        assertThat(manifest).as("quarkus-run.jar's manifest").isNotNull();
        assertThat(manifest.getMainAttributes().getValue("Main-Class"))
                .isEqualTo("io.quarkus.bootstrap.runner.AotQuarkusEntryPoint");
        String classPath = manifest.getMainAttributes().getValue("Class-Path");
        assertThat(classPath).as("quarkus-run.jar's Class-Path").isNotBlank();
        List<String> jars = List.of(classPath.trim().split("\\s+"));
        assertThat(jars).anyMatch(jar -> jar.startsWith("app/")).anyMatch(jar -> jar.startsWith("lib/main/"));
        Set<String> files = new HashSet<>();
        image.layers().forEach(layer -> files.addAll(layer.files().keySet()));
        assertThat(jars)
                .as("the class path's jars are in the image")
                .allMatch(jar -> files.contains("deployments/" + jar));
    }

    private static List<String> regularFiles(OciTarball.Layer layer) {
        return layer.files().entrySet().stream()
                .filter(file -> !file.getValue().directory())
                .map(Map.Entry::getKey)
                .toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
