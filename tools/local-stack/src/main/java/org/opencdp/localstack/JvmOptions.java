package org.opencdp.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The services' JVM options, from the files that define them for the Helm chart as well
 * (helm/opencdp/charts/cdp-service/jvm.options for every service, then jvm-&lt;service&gt;.options beside it where one
 * service needs more), so that the local run, the end-to-end tests, the benchmarks and the AOT cache's training run
 * start every service as a pod does.
 */
public final class JvmOptions {

    /** Relative to the repository root. */
    public static final String FILE = "helm/opencdp/charts/cdp-service/jvm.options";

    /**
     * The chart's default memory limit (cdp-service values.yaml, {@code resources.limits.memory}). In a pod the JVM
     * sizes its heap from the container's limit; here, with no container, this says the same, so the file's
     * percentages give the same heap.
     */
    public static final String POD_MEMORY_LIMIT = "-XX:MaxRAM=512m";

    private JvmOptions() {}

    /** The file's options, one a line, without comments and blank lines; then {@link #POD_MEMORY_LIMIT}. */
    public static List<String> of(Path repoRoot) {
        Path file = repoRoot.resolve(FILE);
        List<String> options = new ArrayList<>(read(file));
        if (options.isEmpty()) {
            throw new IllegalStateException(file + " holds no JVM option");
        }
        options.add(POD_MEMORY_LIMIT);
        return List.copyOf(options);
    }

    /**
     * One service's: {@link #of(Path)}, then the options of {@link #serviceFile} if the service has that file (the
     * chart puts them after jvm.options too, before a release's javaOptions).
     */
    public static List<String> of(Path repoRoot, Service service) {
        List<String> options = new ArrayList<>(of(repoRoot));
        Path file = repoRoot.resolve(serviceFile(service));
        if (Files.isRegularFile(file)) {
            options.addAll(read(file));
        }
        return List.copyOf(options);
    }

    /** A service's own options beside jvm.options, relative to the repository root: jvm-&lt;service&gt;.options. */
    public static String serviceFile(Service service) {
        return Path.of(FILE)
                .resolveSibling("jvm-" + service.serviceName() + ".options")
                .toString();
    }

    private static List<String> read(Path file) {
        List<String> options = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String option = line.strip();
                if (!option.isEmpty() && !option.startsWith("#")) {
                    options.add(option);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the services' JVM options (" + file + ")", e);
        }
        return options;
    }
}
