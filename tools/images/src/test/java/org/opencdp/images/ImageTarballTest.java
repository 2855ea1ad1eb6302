package org.opencdp.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The tarballs `make images` built (target/images/&lt;service&gt;/): run by scripts/images after the build, with
 * {@code -Popencdp-images} (the normal build excludes this class: it has no tarballs to read).
 */
class ImageTarballTest {

    private static final Path IMAGES = Path.of(System.getProperty("opencdp.images", "../../target/images"));

    @Test
    void everyBuiltImageIsConfiguredAsTheChartExpectsAndHoldsNoSecret() throws IOException {
        List<Path> tarballs = tarballs();
        assertThat(tarballs).as("tarballs in %s", IMAGES.toAbsolutePath()).isNotEmpty();
        for (Path tarball : tarballs) {
            OciTarball image = OciTarball.open(tarball);
            boolean aot = tarball.getFileName().toString().contains("aot");
            ImageChecks.configuration(image);
            ImageChecks.layers(image, aot);
            ImageChecks.noSecretsAndReadOnly(image);
            ImageChecks.aotJar(image);
            assertThat(image.layers().get(0).files().keySet())
                    .as("%s carries a JDK runtime with its class data archive", tarball)
                    .contains("opt/java/lib/modules", "opt/java/lib/server/libjvm.so", "opt/java/lib/security/cacerts");
            System.out.printf("[images] %s checked%n", tarball);
        }
    }

    private static List<Path> tarballs() throws IOException {
        try (Stream<Path> files = Files.walk(IMAGES, 2)) {
            return files.filter(file -> file.getFileName().toString().matches("jib-image(-aot)?\\.tar"))
                    .sorted()
                    .toList();
        }
    }
}
