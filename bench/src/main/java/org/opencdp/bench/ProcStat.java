package org.opencdp.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** CPU time of processes from Linux's /proc/[pid]/stat (user + system, in clock ticks). */
final class ProcStat {

    private ProcStat() {}

    static long ticks(long pid) {
        String[] fields = fields(pid);
        return fields == null ? 0 : Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** A process and its direct children: PostgreSQL's server and its backends and workers. */
    static long treeTicks(long parent) throws IOException {
        long total = ticks(parent);
        for (long pid : pids()) {
            String[] fields = fields(pid);
            if (fields != null && Long.parseLong(fields[1]) == parent) {
                total += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            }
        }
        return total;
    }

    static long ticksOfCommand(String command) throws IOException {
        long total = 0;
        for (long pid : pids()) {
            if (command.equals(commandOf(pid))) {
                total += ticks(pid);
            }
        }
        return total;
    }

    private static Iterable<Long> pids() throws IOException {
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path dir : proc) {
                pids.add(Long.parseLong(dir.getFileName().toString()));
            }
        }
        return pids;
    }

    private static String commandOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The fields after the command (which may hold spaces), so index 0 is the state, 1 the parent pid, 11 utime and
     * 12 stime; null when the process is gone.
     */
    private static String[] fields(long pid) {
        if (pid <= 0) {
            return null;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
