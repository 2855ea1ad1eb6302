package org.opencdp.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image configuration, on images built here from a small stand-in runtime and aot-jar (a few files each, so the
 * test takes seconds): the same builder `make images` runs on the real ones, where ImageTarballTest checks the result.
 */
class ServiceImageTest {

    private static final String AOT_ENTRY_POINT = "io.quarkus.bootstrap.runner.AotQuarkusEntryPoint";
    private static final String FAST_JAR_ENTRY_POINT = "io.quarkus.bootstrap.runner.QuarkusEntryPoint";
    private static final String CLASS_PATH = "quarkus/generated-bytecode.jar app/profile-service.jar "
            + "lib/main/org.opencdp.problem.jar lib/boot/io.quarkus.quarkus-bootstrap-runner.jar";

    @TempDir
    Path work;

    @Test
    void theJvmImageRunsTheFastJarWithTheRuntimeAsANonRootUserAndHoldsNoSecret() throws IOException {
        OciTarball image = OciTarball.open(build(Variant.JVM, Optional.empty(), "jvm.tar"));

        ImageChecks.configuration(image);
        ImageChecks.layers(image, false);
        ImageChecks.noSecretsAndReadOnly(image);
        ImageChecks.aotJar(image);
        assertThat(image.config().path("Labels").path("org.opencdp.jdk.build").asText())
                .isEqualTo("Temurin-25.0.3+9");
        assertThat(image.config()
                        .path("Labels")
                        .path("org.opencontainers.image.version")
                        .asText())
                .isEqualTo("0.1.0");
    }

    @Test
    void theAotImageAddsItsCacheWhereTheChartPointsTheJvm() throws IOException {
        Path cache = Files.writeString(work.resolve("app.aot"), "cache");

        OciTarball image = OciTarball.open(build(Variant.JVM_AOT, Optional.of(cache), "aot.tar"));

        ImageChecks.configuration(image);
        ImageChecks.layers(image, true);
        ImageChecks.noSecretsAndReadOnly(image);
        ImageChecks.aotJar(image);
        assertThat(image.config()
                        .path("Labels")
                        .path("org.opencontainers.image.version")
                        .asText())
                .isEqualTo("0.1.0-aot");
    }

    @Test
    void theSameInputsGiveTheSameImage() throws IOException {
        OciTarball first = OciTarball.open(build(Variant.JVM, Optional.empty(), "first.tar"));
        OciTarball second = OciTarball.open(build(Variant.JVM, Optional.empty(), "second.tar"));

        assertThat(second.configBlob()).isEqualTo(first.configBlob());
        assertThat(second.layers())
                .extracting(OciTarball.Layer::diffId)
                .containsExactlyElementsOf(
                        first.layers().stream().map(OciTarball.Layer::diffId).toList());
    }

    @Test
    void aCacheOnlyGoesIntoTheAotVariant() {
        assertThatThrownBy(() -> build(Variant.JVM_AOT, Optional.empty(), "none.tar"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCheckCatchesAFileThatLooksLikeASecret() throws IOException {
        Files.writeString(app().resolve("app/db-password.txt"), "hunter2");

        OciTarball image = OciTarball.open(build(Variant.JVM, Optional.empty(), "leaky.tar"));

        assertThatThrownBy(() -> ImageChecks.noSecretsAndReadOnly(image))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("db-password.txt");
    }

    /** A fast-jar starts through Quarkus's own class loader, whose classes a JDK AOT cache cannot hold. */
    @Test
    void theCheckCatchesAFastJar() throws IOException {
        runner(FAST_JAR_ENTRY_POINT, null);

        OciTarball image = OciTarball.open(build(Variant.JVM, Optional.empty(), "fast-jar.tar"));

        assertThatThrownBy(() -> ImageChecks.aotJar(image))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("AotQuarkusEntryPoint");
    }

    @Test
    void theCheckCatchesAJarOnTheClassPathThatIsNotInTheImage() throws IOException {
        runner(AOT_ENTRY_POINT, CLASS_PATH + " lib/main/org.opencdp.outbox.jar");

        OciTarball image = OciTarball.open(build(Variant.JVM, Optional.empty(), "missing-jar.tar"));

        assertThatThrownBy(() -> ImageChecks.aotJar(image))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("org.opencdp.outbox.jar");
    }

    private Path build(Variant variant, Optional<Path> aotCache, String name) throws IOException {
        Path tarball = work.resolve(name);
        new ServiceImage("ghcr.io/opencdp/profile-service", "0.1.0", runtime(), app())
                .writeTarball(variant, aotCache, tarball, work.resolve("jib-cache"));
        return tarball;
    }

    /** A runtime's shape: an executable bin/java and keytool, and the release file naming the build. */
    private Path runtime() throws IOException {
        Path runtime = work.resolve("runtime");
        if (Files.exists(runtime)) {
            return runtime;
        }
        Files.createDirectories(runtime.resolve("bin"));
        for (String tool : new String[] {"java", "keytool"}) {
            Path file = Files.writeString(runtime.resolve("bin").resolve(tool), "#!/bin/false\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.writeString(
                runtime.resolve("release"), "JAVA_VERSION=\"25.0.3\"\nIMPLEMENTOR_VERSION=\"Temurin-25.0.3+9\"\n");
        return runtime;
    }

    /** An aot-jar's shape: quarkus-run.jar (a manifest naming the jars), lib/boot and lib/main, app/, quarkus/. */
    private Path app() throws IOException {
        Path app = work.resolve("quarkus-app");
        if (Files.exists(app)) {
            return app;
        }
        for (String file : new String[] {
            "lib/boot/io.quarkus.quarkus-bootstrap-runner.jar",
            "lib/main/org.opencdp.problem.jar",
            "app/profile-service.jar",
            "quarkus/quarkus-application.dat",
            "quarkus/generated-bytecode.jar"
        }) {
            Files.createDirectories(app.resolve(file).getParent());
            Files.writeString(app.resolve(file), file);
        }
        writeRunner(app, AOT_ENTRY_POINT, CLASS_PATH);
        return app;
    }

    /** Replaces the stand-in's quarkus-run.jar; {@code classPath} null: none (a fast-jar's). */
    private void runner(String mainClass, String classPath) throws IOException {
        writeRunner(app(), mainClass, classPath);
    }

    private static void writeRunner(Path app, String mainClass, String classPath) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        if (classPath != null) {
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        }
        try (JarOutputStream jar =
                new JarOutputStream(Files.newOutputStream(app.resolve("quarkus-run.jar")), manifest)) {
            jar.flush();
        }
    }
}
