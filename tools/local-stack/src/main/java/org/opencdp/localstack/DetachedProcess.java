package org.opencdp.localstack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A long-running child (Keycloak, a service) started in a session of its own, so that it outlives the launcher and
 * is untouched by Ctrl-C in the terminal that started it. Its pid, which is also its process group id, goes to a
 * pid file; stopping signals the whole group, so helpers it started (kc.sh starts a JVM) stop with it.
 */
public final class DetachedProcess {

    private static final Duration GRACE = Duration.ofSeconds(30);

    private DetachedProcess() {}

    /**
     * Starts {@code command} detached, output to {@code log}, and records it in {@code pidFile}. The child
     * inherits the launcher's environment plus {@code environment}; a variable mapped to null is removed.
     */
    public static ProcessHandle start(
            List<String> command, Map<String, String> environment, Path workDir, Path log, PidFile pidFile) {
        List<String> detached = new ArrayList<>(List.of("setsid"));
        detached.addAll(command);
        rotate(log);
        ProcessBuilder builder = new ProcessBuilder(detached)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        try {
            ProcessHandle process = builder.start().toHandle();
            pidFile.write(process);
            awaitOwnSession(process);
            return process;
        } catch (IOException e) {
            throw new LocalStackException("could not start " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stops the process recorded in {@code pidFile} and its group: TERM, then KILL for what is left after the grace
     * period. Returns false when nothing recorded there was running.
     */
    public static boolean stop(PidFile pidFile) {
        return stop(pidFile, GRACE);
    }

    /** Kills the process recorded in {@code pidFile} and its group at once (SIGKILL), as a crash would end it. */
    public static boolean kill(PidFile pidFile) {
        return stop(pidFile, Duration.ZERO);
    }

    static boolean stop(PidFile pidFile, Duration grace) {
        Optional<PidFile.Entry> entry = pidFile.read();
        if (entry.isEmpty() || pidFile.pidTakenByAnother()) {
            pidFile.delete();
            return false;
        }
        long group = entry.get().pid();
        // The leader may be gone while members of its group live on; Linux does not reuse a pid that still names a
        // process group, so such a group is ours.
        if (!groupExists(group)) {
            pidFile.delete();
            return false;
        }
        if (!grace.isZero()) {
            signalGroup(group, "TERM");
        }
        if (grace.isZero() || !waitUntilGone(group, grace)) {
            signalGroup(group, "KILL");
            waitUntilGone(group, Duration.ofSeconds(10));
        }
        pidFile.delete();
        return true;
    }

    /** Each start writes a fresh log, so a failure shows this run's lines; the run before stays as *.log.previous. */
    private static void rotate(Path log) {
        try {
            Files.createDirectories(log.getParent());
            if (Files.exists(log)) {
                Files.move(
                        log, log.resolveSibling(log.getFileName() + ".previous"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new LocalStackException("could not rotate " + log + ": " + e.getMessage(), e);
        }
    }

    /**
     * setsid makes the child a session and group leader only once it runs; until then a stop would signal a group
     * that does not exist yet. Waits (briefly) for that moment so the pid is a valid group id on return.
     */
    private static void awaitOwnSession(ProcessHandle process) {
        Path stat = Path.of("/proc", String.valueOf(process.pid()), "stat");
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            try {
                // "pid (command) state ppid pgrp session ...": the command may hold spaces, so split after it.
                String line = Files.readString(stat);
                String[] fields = line.substring(line.lastIndexOf(") ") + 2).split(" ");
                if (Long.parseLong(fields[3]) == process.pid()) {
                    return;
                }
            } catch (IOException | RuntimeException e) {
                return; // no /proc (or the process is gone): nothing to wait for
            }
            sleep(Duration.ofMillis(5));
        }
    }

    static boolean groupExists(long group) {
        return signalGroup(group, "0");
    }

    private static boolean waitUntilGone(long group, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!groupExists(group)) {
                return true;
            }
            sleep(Duration.ofMillis(200));
        }
        return !groupExists(group);
    }

    /** Sends a signal to every process of a group; true if at least one received it. */
    private static boolean signalGroup(long group, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, "--", "-" + group)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return kill.waitFor() == 0;
        } catch (IOException e) {
            throw new LocalStackException("could not run kill: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("interrupted while stopping process group " + group, e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("interrupted while waiting", e);
        }
    }
}
