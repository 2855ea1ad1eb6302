package org.opencdp.localstack;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs short-lived commands (initdb, pg_ctl, tar) and finds executables. */
final class Commands {

    private Commands() {}

    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** PostgreSQL refuses to run as root, so as root its commands run as the postgres user. */
    static List<String> asPostgresUser(List<String> command) {
        if (!runningAsRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Runs a command to completion; a non-zero exit becomes a {@link LocalStackException} carrying its output. */
    static String run(List<String> command, Duration timeout) {
        try {
            // Every command gets absolute paths; the postgres user may not be allowed into our working directory.
            Process process = new ProcessBuilder(command)
                    .directory(new File("/"))
                    .redirectErrorStream(true)
                    .start();
            // Read before waiting: a full pipe would block the child.
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new LocalStackException(String.join(" ", command) + " did not finish within " + timeout);
            }
            String text = new String(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new LocalStackException(
                        String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new LocalStackException("could not run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("interrupted while running " + command.get(0), e);
        }
    }

    /** The executable on the PATH, else in the first matching directory of {@code fallbackDirs}, newest first. */
    static Optional<Path> find(String name, List<Path> fallbackDirs) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        Stream<Path> onPath =
                Arrays.stream(path.split(":")).filter(s -> !s.isBlank()).map(Path::of);
        Stream<Path> fallbacks = fallbackDirs.stream();
        return Stream.concat(onPath, fallbacks)
                .map(dir -> dir.resolve(name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** The {@code child} directory of every subdirectory of {@code parent}, highest version number first (/usr/lib/postgresql/15/bin). */
    static List<Path> versionedDirs(Path parent, String child) {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(parent)) {
            return dirs.map(dir -> dir.resolve(child))
                    .filter(Files::isDirectory)
                    .sorted(Comparator.comparing((Path p) ->
                                    versionKey(p.getParent().getFileName().toString()))
                            .reversed())
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static long versionKey(String name) {
        String digits = name.replaceAll("[^0-9].*$", "");
        return digits.isEmpty() ? -1 : Long.parseLong(digits);
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new LocalStackException("could not delete " + root + ": " + e.getMessage(), e);
        }
    }
}
