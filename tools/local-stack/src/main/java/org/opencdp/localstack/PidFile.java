package org.opencdp.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Remembers a detached process between launcher runs: its pid and its start time. The start time tells our process
 * apart from an unrelated one that got the same pid after a reboot, so {@code stop} never signals a stranger.
 */
public record PidFile(Path path) {

    /** What the file recorded. */
    public record Entry(long pid, Instant started) {}

    public void write(ProcessHandle process) {
        Instant started = process.info().startInstant().orElse(Instant.EPOCH);
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, process.pid() + " " + started.toEpochMilli() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LocalStackException("could not write " + path + ": " + e.getMessage(), e);
        }
    }

    /** The recorded process; empty when there is no file or it cannot be read as one. */
    public Optional<Entry> read() {
        try {
            String[] parts =
                    Files.readString(path, StandardCharsets.UTF_8).trim().split("\\s+");
            return Optional.of(new Entry(Long.parseLong(parts[0]), Instant.ofEpochMilli(Long.parseLong(parts[1]))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The recorded process if it still runs (same pid, same start time). */
    public Optional<ProcessHandle> running() {
        return read().flatMap(entry -> ProcessHandle.of(entry.pid())
                .filter(ProcessHandle::isAlive)
                .filter(handle -> startedAt(handle, entry.started())));
    }

    /** True when the pid now belongs to some other process than the recorded one. */
    public boolean pidTakenByAnother() {
        return read().map(entry -> ProcessHandle.of(entry.pid())
                        .filter(ProcessHandle::isAlive)
                        .map(handle -> !startedAt(handle, entry.started()))
                        .orElse(false))
                .orElse(false);
    }

    public void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new LocalStackException("could not delete " + path + ": " + e.getMessage(), e);
        }
    }

    private static boolean startedAt(ProcessHandle handle, Instant recorded) {
        // Instant.EPOCH: the start time was unknown when the file was written; trust the pid alone.
        return recorded.equals(Instant.EPOCH)
                || handle.info().startInstant().map(recorded::equals).orElse(true);
    }
}
