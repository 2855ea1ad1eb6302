package org.opencdp.images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;

/**
 * One service's image, from {@code scratch}: nothing is pulled, every layer is built here. Layers, from the least to
 * the most often changed: the JDK runtime, the dependencies (lib/), the application (quarkus-run.jar, app/,
 * quarkus/), and in the jvm-aot variant the AOT cache. Files keep their POSIX permissions (the runtime's executables)
 * and are owned by root, so the service's user can read but not change them.
 *
 * <p>Reproducible: the image's creation time is the epoch and every file's modification time Jib's fixed one
 * ({@link #FILE_TIME}), so the same inputs give the same digest. The AOT cache is trained on files with that same
 * time (scripts/images), because the JVM refuses a cache whose jars' times differ from the ones it was made with.
 */
final class ServiceImage {

    /** Jib's fixed modification time for files in layers (1970-01-01T00:00:01Z); scripts/images stages with it. */
    static final Instant FILE_TIME = FileEntriesLayer.DEFAULT_MODIFICATION_TIME;

    private final String repository;
    private final String version;
    private final Path runtime;
    private final Path app;

    /**
     * @param repository e.g. {@code ghcr.io/opencdp/profile-service} (the chart's default)
     * @param runtime the jlink-ed runtime (its {@code release} file names the JDK build)
     * @param app the service's {@code target/quarkus-app}
     */
    ServiceImage(String repository, String version, Path runtime, Path app) {
        this.repository = repository;
        this.version = version;
        this.runtime = runtime;
        this.app = app;
    }

    /** The image reference written into the tarball, e.g. {@code ghcr.io/opencdp/profile-service:0.1.0-aot}. */
    String reference(Variant variant) {
        return repository + ":" + variant.tag(version);
    }

    /** Writes the variant's OCI tarball; {@code aotCache} is required for {@link Variant#JVM_AOT}. */
    void writeTarball(Variant variant, Optional<Path> aotCache, Path tarball, Path cacheDirectory) throws IOException {
        if ((variant == Variant.JVM_AOT) != aotCache.isPresent()) {
            throw new IllegalArgumentException("an AOT cache belongs in the jvm-aot variant, and only there");
        }
        JibContainerBuilder image = Jib.fromScratch()
                .setFormat(ImageFormat.OCI)
                .setCreationTime(Instant.EPOCH)
                .setUser(ImageLayout.USER)
                .setWorkingDirectory(AbsoluteUnixPath.get(ImageLayout.APP_DIR))
                .setEntrypoint(ImageLayout.ENTRYPOINT)
                .setExposedPorts(ports())
                .addLabel("org.opencontainers.image.title", repository.substring(repository.lastIndexOf('/') + 1))
                .addLabel("org.opencontainers.image.version", variant.tag(version))
                .addLabel("org.opencdp.jdk.build", Runtimes.javaRuntimeVersion(runtime))
                .addFileEntriesLayer(layer("jdk runtime", runtime, ImageLayout.JAVA_HOME))
                .addFileEntriesLayer(layer("dependencies", app.resolve("lib"), ImageLayout.APP_DIR + "/lib"))
                .addFileEntriesLayer(application());
        if (aotCache.isPresent()) {
            // The chart passes the same option; this one makes the image use its cache when run on its own.
            image.addEnvironmentVariable("JDK_JAVA_OPTIONS", "-XX:AOTCache=" + ImageLayout.AOT_CACHE)
                    .addFileEntriesLayer(FileEntriesLayer.builder()
                            .setName("aot cache")
                            .addEntry(
                                    aotCache.get(),
                                    AbsoluteUnixPath.get(ImageLayout.AOT_CACHE),
                                    FilePermissions.DEFAULT_FILE_PERMISSIONS,
                                    FILE_TIME)
                            .build());
        }
        Files.createDirectories(tarball.getParent());
        try {
            image.containerize(Containerizer.to(TarImage.at(tarball).named(reference(variant)))
                    .setOfflineMode(true)
                    .setBaseImageLayersCache(cacheDirectory.resolve("base"))
                    .setApplicationLayersCache(cacheDirectory.resolve("application"))
                    .setToolName("opencdp-images"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while building " + reference(variant), e);
        } catch (ExecutionException
                | RegistryException
                | CacheDirectoryCreationException
                | InvalidImageReferenceException e) {
            throw new IOException("could not build " + reference(variant) + ": " + e.getMessage(), e);
        }
    }

    private FileEntriesLayer application() throws IOException {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName("application");
        for (String part : new String[] {"quarkus-run.jar", "app", "quarkus"}) {
            addRecursive(layer, app.resolve(part), ImageLayout.APP_DIR + "/" + part);
        }
        return layer.build();
    }

    private static FileEntriesLayer layer(String name, Path source, String target) throws IOException {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName(name);
        addRecursive(layer, source, target);
        return layer.build();
    }

    private static void addRecursive(FileEntriesLayer.Builder layer, Path source, String target) throws IOException {
        if (!Files.exists(source)) {
            throw new IOException(source + " is missing: package the service first (make build)");
        }
        layer.addEntryRecursive(
                source,
                AbsoluteUnixPath.get(target),
                (file, inContainer) -> permissions(file),
                (file, inContainer) -> FILE_TIME);
    }

    /** The file's own permissions, without any write bit for group and others. */
    private static FilePermissions permissions(Path file) {
        try {
            Set<java.nio.file.attribute.PosixFilePermission> own = new HashSet<>(Files.getPosixFilePermissions(file));
            own.remove(java.nio.file.attribute.PosixFilePermission.GROUP_WRITE);
            own.remove(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE);
            return FilePermissions.fromPosixFilePermissions(own);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Set<Port> ports() {
        Set<Port> ports = new HashSet<>();
        ImageLayout.PORTS.forEach(port -> ports.add(Port.tcp(port)));
        return ports;
    }
}
