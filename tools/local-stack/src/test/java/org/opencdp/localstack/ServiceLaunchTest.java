package org.opencdp.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceLaunchTest {

    @TempDir
    Path repo;

    /**
     * A stand-in runtime whose bin/java records how it was started: the images' runtime, the staged application, the
     * options of jvm.options (what the chart gives a pod) with the pod's memory limit, then the launch's own.
     */
    @Test
    void aLaunchStartsTheGivenRuntimeWithThePodsOptionsItsOwnAndTheGivenApplication() throws Exception {
        Files.createFile(repo.resolve("mvnw"));
        Files.createFile(repo.resolve("pom.xml"));
        Path options = repo.resolve(JvmOptions.FILE);
        Files.createDirectories(options.getParent());
        Files.writeString(options, "# the collector\n-XX:+UseSerialGC\n\n  -XX:MaxRAMPercentage=60  \n# the end\n");
        StackLayout layout = StackLayout.forRepo(repo).withPorts(StackPorts.endToEnd());
        Path runtime = repo.resolve("runtime");
        Path recorded = repo.resolve("arguments");
        Files.createDirectories(runtime.resolve("bin"));
        Path java = Files.writeString(
                runtime.resolve("bin/java"), "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + recorded + "'\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path app = repo.resolve("app");

        ProcessHandle process = new LocalStack(layout, line -> {})
                .launchService(Service.PROFILE, new ServiceLaunch(runtime, app, List.of("-XX:AOTCache=app.aot")));
        process.onExit().get(30, TimeUnit.SECONDS);

        assertThat(Files.readAllLines(recorded))
                .containsExactly(
                        "-XX:+UseSerialGC",
                        "-XX:MaxRAMPercentage=60",
                        "-XX:MaxRAM=512m",
                        "-XX:AOTCache=app.aot",
                        "-jar",
                        app.resolve("quarkus-run.jar").toString());
    }

    /**
     * A service with options of its own (jvm-&lt;service&gt;.options beside jvm.options, as the chart reads them) gets
     * them after the common ones and before the launch's; the other services only the common ones.
     */
    @Test
    void aServicesOwnOptionsFollowTheCommonOnesForThatServiceOnly() throws Exception {
        Path options = repo.resolve(JvmOptions.FILE);
        Files.createDirectories(options.getParent());
        Files.writeString(options, "-XX:+UseSerialGC\n");
        Files.writeString(repo.resolve(JvmOptions.serviceFile(Service.TRACKING)), "# its young generation\n-Xmn64m\n");

        assertThat(repo.resolve(JvmOptions.serviceFile(Service.TRACKING)))
                .isEqualTo(options.resolveSibling("jvm-tracking-service.options"));
        assertThat(JvmOptions.of(repo, Service.TRACKING))
                .containsExactly("-XX:+UseSerialGC", "-XX:MaxRAM=512m", "-Xmn64m");
        assertThat(JvmOptions.of(repo, Service.CONSENT)).containsExactly("-XX:+UseSerialGC", "-XX:MaxRAM=512m");
    }

    /** The startup bench's candidate options come after the launch's own (the JVM takes the last of a repeated one). */
    @Test
    void furtherOptionsComeAfterTheLaunchsOwnAndLeaveItUnchanged() {
        ServiceLaunch aot = new ServiceLaunch(repo.resolve("runtime"), repo.resolve("app"), List.of("-XX:AOTMode=on"));

        ServiceLaunch candidate = aot.with(List.of("-XX:NewSize=8m", "-XX:AOTMode=auto"));

        assertThat(candidate.jvmOptions()).containsExactly("-XX:AOTMode=on", "-XX:NewSize=8m", "-XX:AOTMode=auto");
        assertThat(candidate.javaHome()).isEqualTo(aot.javaHome());
        assertThat(candidate.appDir()).isEqualTo(aot.appDir());
        assertThat(aot.jvmOptions()).containsExactly("-XX:AOTMode=on");
    }
}
