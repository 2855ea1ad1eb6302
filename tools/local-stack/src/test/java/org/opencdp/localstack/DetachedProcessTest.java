package org.opencdp.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetachedProcessTest {

    @TempDir
    Path dir;

    private PidFile pidFile;

    @AfterEach
    void stopLeftovers() {
        if (pidFile != null) {
            DetachedProcess.stop(pidFile, Duration.ofSeconds(2));
        }
    }

    @Test
    void aDetachedProcessRunsInASessionAndProcessGroupOfItsOwn() throws Exception {
        pidFile = new PidFile(dir.resolve("pids/sleeper.pid"));

        ProcessHandle process =
                DetachedProcess.start(List.of("sleep", "300"), Map.of(), dir, dir.resolve("logs/sleeper.log"), pidFile);

        // /proc/<pid>/stat: "pid (comm) state ppid pgrp session ..."
        String line = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
        String[] stat = line.substring(line.lastIndexOf(") ") + 2).split(" ");
        assertThat(Long.parseLong(stat[2])).as("process group").isEqualTo(process.pid());
        assertThat(Long.parseLong(stat[3])).as("session").isEqualTo(process.pid());
        assertThat(pidFile.running()).map(ProcessHandle::pid).contains(process.pid());
    }

    @Test
    void stoppingEndsTheWholeProcessGroupAndForgetsThePid() {
        pidFile = new PidFile(dir.resolve("pids/parent.pid"));
        ProcessHandle parent = DetachedProcess.start(
                List.of("sh", "-c", "sleep 300 & sleep 300"), Map.of(), dir, dir.resolve("logs/parent.log"), pidFile);
        List<ProcessHandle> children = awaitChildren(parent, 2);

        boolean stopped = DetachedProcess.stop(pidFile);

        assertThat(stopped).isTrue();
        assertThat(parent.isAlive()).isFalse();
        assertThat(children).noneMatch(ProcessHandle::isAlive);
        assertThat(pidFile.path()).doesNotExist();
    }

    @Test
    void aProcessThatIgnoresTermIsKilledAfterTheGracePeriod() {
        pidFile = new PidFile(dir.resolve("pids/stubborn.pid"));
        ProcessHandle stubborn = DetachedProcess.start(
                List.of("sh", "-c", "trap '' TERM; while true; do sleep 1; done"),
                Map.of(),
                dir,
                dir.resolve("logs/stubborn.log"),
                pidFile);
        awaitChildren(stubborn, 1);

        assertThat(DetachedProcess.stop(pidFile, Duration.ofSeconds(1))).isTrue();

        assertThat(stubborn.isAlive()).isFalse();
    }

    @Test
    void aPidThatNowNamesAnotherProcessIsNeverSignalled() throws Exception {
        pidFile = new PidFile(dir.resolve("pids/recycled.pid"));
        ProcessHandle stranger = DetachedProcess.start(
                List.of("sleep", "300"), Map.of(), dir, dir.resolve("logs/stranger.log"), pidFile);
        // The same pid with another start time: as after the process we started ended and its pid went to another.
        Files.writeString(pidFile.path(), stranger.pid() + " 1000\n");

        try {
            assertThat(DetachedProcess.stop(pidFile, Duration.ofSeconds(1))).isFalse();
            assertThat(stranger.isAlive()).isTrue();
            assertThat(pidFile.path()).doesNotExist();
        } finally {
            stranger.destroyForcibly();
        }
    }

    @Test
    void stoppingWhatIsNotRunningSaysSo() {
        pidFile = new PidFile(dir.resolve("pids/none.pid"));

        assertThat(DetachedProcess.stop(pidFile)).isFalse();
    }

    @Test
    void theOutputGoesToTheLogWithTheGivenVariablesSetAndRemoved() throws Exception {
        pidFile = new PidFile(dir.resolve("pids/echo.pid"));
        Path log = dir.resolve("logs/echo.log");
        Map<String, String> environment = new HashMap<>();
        environment.put("GREETING", "hello");
        environment.put("HOME", null);

        ProcessHandle echo = DetachedProcess.start(
                List.of("sh", "-c", "echo \"greeting=$GREETING home=${HOME:-unset}\""), environment, dir, log, pidFile);
        echo.onExit().get();

        assertThat(Files.readString(log)).contains("greeting=hello home=unset");
    }

    @Test
    void everyStartWritesAFreshLogAndKeepsThePreviousOne() throws Exception {
        pidFile = new PidFile(dir.resolve("pids/twice.pid"));
        Path log = dir.resolve("logs/twice.log");
        DetachedProcess.start(List.of("echo", "first run"), Map.of(), dir, log, pidFile)
                .onExit()
                .get();

        DetachedProcess.start(List.of("echo", "second run"), Map.of(), dir, log, pidFile)
                .onExit()
                .get();

        assertThat(Files.readString(log)).isEqualTo("second run\n");
        assertThat(Files.readString(dir.resolve("logs/twice.log.previous"))).isEqualTo("first run\n");
    }

    private static List<ProcessHandle> awaitChildren(ProcessHandle parent, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            List<ProcessHandle> children = parent.children().toList();
            if (children.size() >= count) {
                return children;
            }
            DetachedProcess.sleep(Duration.ofMillis(50));
        }
        throw new AssertionError("the process did not start " + count + " children within 10 s");
    }
}
