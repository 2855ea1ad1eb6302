package org.opencdp.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A service started with another JDK runtime and application than the suite's own, with extra JVM options: the images'
 * jlink-ed runtime and staged application (target/images), with or without their AOT cache, for the AOT training run
 * and the startup benchmark.
 *
 * @param javaHome a JDK runtime (its bin/java starts the service)
 * @param appDir a Quarkus application directory (target/quarkus-app's layout: its quarkus-run.jar)
 */
public record ServiceLaunch(Path javaHome, Path appDir, List<String> jvmOptions) {

    public ServiceLaunch {
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** The same launch with further JVM options after these. */
    public ServiceLaunch with(List<String> moreOptions) {
        List<String> options = new ArrayList<>(jvmOptions);
        options.addAll(moreOptions);
        return new ServiceLaunch(javaHome, appDir, options);
    }
}
