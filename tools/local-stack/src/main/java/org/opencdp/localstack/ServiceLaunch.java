package org.opencdp.localstack;

import java.nio.file.Path;
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
}
