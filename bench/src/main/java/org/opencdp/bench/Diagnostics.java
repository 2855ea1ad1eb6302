package org.opencdp.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.opencdp.localstack.KeycloakServer;
import org.opencdp.localstack.LocalStack;
import org.opencdp.localstack.Service;

/**
 * What ran during a measured phase, so that a latency tail can be explained rather than guessed (issue 8): CPU
 * seconds per process of the suite, PostgreSQL's checkpoints, autovacuum runs and slowest statements, and
 * profile-service's flight recording (garbage collection, safepoints, waits on sockets and locks, JIT compilation,
 * the hottest methods). The flight recording and the server's settings for it are switched on before the suite
 * starts; everything else is read at the phase's start and end.
 */
final class Diagnostics {

    /** Linux's USER_HZ: /proc reports CPU times in these ticks. */
    private static final double TICKS_PER_SECOND = 100.0;

    private static final String RECORDING = "bench";

    private final LocalStack stack;
    private final Path recordingFile;

    private Diagnostics(LocalStack stack, Path recordingFile) {
        this.stack = stack;
        this.recordingFile = recordingFile;
    }

    /**
     * To be called before the suite starts: profile-service records with JFR's "profile" settings (about 2 % of its
     * CPU), which the report's figures include.
     */
    static Diagnostics prepare(LocalStack stack) {
        Path file = stack.layout().stateDir().resolve("profile-service.jfr").toAbsolutePath();
        stack.addJvmOptions(
                Service.PROFILE,
                List.of("-XX:StartFlightRecording=name=" + RECORDING + ",settings=profile,filename=" + file
                        + ",dumponexit=true"));
        return new Diagnostics(stack, file);
    }

    /**
     * To be called once the suite runs: slow statements (over 10 ms) with their plans and every autovacuum run go to
     * the server's log, and statement statistics are readable.
     */
    void startServerLogging() throws SQLException {
        try (Connection c = stack.postgres().connect("postgres");
                Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            s.execute("ALTER SYSTEM SET auto_explain.log_min_duration = '10ms'");
            s.execute("ALTER SYSTEM SET log_autovacuum_min_duration = 0");
            s.execute("ALTER SYSTEM SET log_checkpoints = on");
            s.execute("SELECT pg_reload_conf()");
        }
    }

    private record FinishedPhase(Instant start, Instant end, List<String> lines) {}

    private final List<FinishedPhase> finished = new ArrayList<>();

    /** What ran during each phase ended so far, with profile-service's flight recording of it, in Markdown. */
    List<String> report() throws IOException, InterruptedException {
        Path recording = dumpRecording();
        List<String> out = new ArrayList<>();
        for (FinishedPhase phase : finished) {
            out.addAll(phase.lines());
            out.addAll(new FlightRecordingSummary(recording, phase.start(), phase.end()).lines());
            out.add("");
        }
        finished.clear();
        return out;
    }

    /**
     * What ran during each phase ended so far, without a flight recording: for scenarios of other services than
     * profile-service, whose recording says nothing about them.
     */
    List<String> reportWithoutRecording() {
        List<String> out = new ArrayList<>();
        for (FinishedPhase phase : finished) {
            out.addAll(phase.lines());
        }
        finished.clear();
        return out;
    }

    Phase begin(String name) throws IOException, SQLException {
        try (Connection c = stack.postgres().connect("postgres");
                Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_statements_reset()");
        }
        return new Phase(
                name, Instant.now(), cpuByComponent(), checkpoints(), Files.size(serverLog()), databaseCounters());
    }

    /** One measured phase: its start state, and at its end the report of what happened meanwhile. */
    final class Phase {
        private final String name;
        private final Instant start;
        private final Map<String, Long> cpuAtStart;
        private final long checkpointsAtStart;
        private final long logOffset;
        private final Map<String, Long> countersAtStart;

        private Phase(
                String name,
                Instant start,
                Map<String, Long> cpu,
                long checkpoints,
                long logOffset,
                Map<String, Long> counters) {
            this.name = name;
            this.start = start;
            this.cpuAtStart = cpu;
            this.checkpointsAtStart = checkpoints;
            this.logOffset = logOffset;
            this.countersAtStart = counters;
        }

        /**
         * Ends the phase like {@link #end()} and adds what PostgreSQL did per operation (issue 8: where a create's
         * database work goes): every statement with its calls, time, rows and WAL per operation, the commits per
         * database and the WAL writes and fsyncs.
         */
        void end(long operations, String operation) throws IOException, SQLException {
            end();
            List<String> lines = finished.getLast().lines();
            lines.addAll(perOperation(operations, operation, countersAtStart));
            lines.add("");
        }

        /**
         * Takes what must be read at once (CPU, PostgreSQL); the flight recording is read later by {@link #report},
         * from one dump after every phase: a dump taken right at a phase's end lacks the Java events (the slow
         * requests) still in the threads' buffers.
         */
        void end() throws IOException, SQLException {
            Instant end = Instant.now();
            double seconds = (end.toEpochMilli() - start.toEpochMilli()) / 1000.0;
            List<String> out = new ArrayList<>();
            out.add("#### What ran during \"" + name + "\" (" + String.format(Locale.ROOT, "%.0f s", seconds) + ")");
            out.add("");
            out.add(cpuLine(cpuByComponent(), seconds));
            out.add("");
            out.add("PostgreSQL: " + (checkpoints() - checkpointsAtStart) + " checkpoint(s); " + serverLogSummary());
            out.addAll(slowestStatements());
            out.add("");
            finished.add(new FinishedPhase(start, end, out));
        }

        /** CPU seconds the component (a service's name, {@code postgres}) used since the phase began. */
        double cpuSeconds(String component) throws IOException {
            Long now = cpuByComponent().get(component);
            return now == null ? 0 : (now - cpuAtStart.getOrDefault(component, 0L)) / TICKS_PER_SECOND;
        }

        private String cpuLine(Map<String, Long> cpuAtEnd, double seconds) {
            int cores = Runtime.getRuntime().availableProcessors();
            StringBuilder line = new StringBuilder("CPU seconds per process (" + cores + " cores give ")
                    .append(String.format(Locale.ROOT, "%.0f", cores * seconds))
                    .append("): ");
            List<String> parts = new ArrayList<>();
            cpuAtEnd.forEach((component, ticks) -> {
                double used = (ticks - cpuAtStart.getOrDefault(component, 0L)) / TICKS_PER_SECOND;
                if (used >= 0.05) {
                    parts.add(String.format(Locale.ROOT, "%s %.1f", component, used));
                }
            });
            return line.append(String.join(", ", parts)).append('.').toString();
        }

        private String serverLogSummary() throws IOException {
            List<String> lines = newLogLines(logOffset);
            List<String> vacuumRuns = lines.stream()
                    .filter(l -> l.contains("automatic vacuum") || l.contains("automatic analyze"))
                    .map(l -> l.substring(l.indexOf("automatic")).replaceAll(":.*", ""))
                    .toList();
            long vacuums = vacuumRuns.size();
            long slow = lines.stream().filter(l -> l.contains("duration:")).count();
            List<String> vacuumed = vacuumRuns.stream().distinct().limit(8).toList();
            return vacuums + " autovacuum/autoanalyze run(s)"
                    + (vacuumed.isEmpty() ? "" : " (" + String.join("; ", vacuumed) + ")") + "; " + slow
                    + " statement(s) over 10 ms (plans in " + serverLog().getFileName() + ").";
        }
    }

    /** Commits per database and the WAL's writes and fsyncs, cumulative, to be read before and after a phase. */
    private Map<String, Long> databaseCounters() throws SQLException {
        Map<String, Long> counters = new TreeMap<>();
        try (Connection c = stack.postgres().connect("postgres");
                Statement s = c.createStatement()) {
            try (ResultSet r =
                    s.executeQuery("SELECT datname, xact_commit FROM pg_stat_database WHERE datname IS NOT NULL")) {
                while (r.next()) {
                    counters.put("commits in " + r.getString(1), r.getLong(2));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT wal_records, wal_bytes, wal_write, wal_sync FROM pg_stat_wal")) {
                r.next();
                counters.put("WAL records", r.getLong(1));
                counters.put("WAL bytes", r.getLong(2));
                counters.put("WAL writes", r.getLong(3));
                counters.put("WAL fsyncs", r.getLong(4));
            }
        }
        return counters;
    }

    /** Every statement since the phase began, per operation, and the counters' growth per operation. */
    private List<String> perOperation(long operations, String operation, Map<String, Long> atStart)
            throws SQLException {
        List<String> out = new ArrayList<>();
        double n = Math.max(1, operations);
        List<String> counters = new ArrayList<>();
        databaseCounters().forEach((name, value) -> {
            double per = (value - atStart.getOrDefault(name, 0L)) / n;
            if (per >= 0.01) {
                counters.add(String.format(Locale.ROOT, "%s %.2f", name, per));
            }
        });
        out.add("");
        out.add(String.format(Locale.ROOT, "Per %s (%,d): %s.", operation, operations, String.join(", ", counters)));
        out.add("");
        out.add("| database | calls per " + operation + " | mean ms | total ms per " + operation + " | rows per "
                + operation + " | WAL bytes per " + operation + " | statement (placeholders only) |");
        out.add("|---|---|---|---|---|---|---|");
        try (Connection c = stack.postgres().connect("postgres");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT d.datname, s.calls, s.mean_exec_time, s.total_exec_time, s.rows,"
                        + " s.wal_bytes, regexp_replace(s.query, '\\s+', ' ', 'g') AS query FROM pg_stat_statements s"
                        + " JOIN pg_database d ON d.oid = s.dbid ORDER BY s.total_exec_time DESC")) {
            while (r.next()) {
                if (r.getLong("calls") / n < 0.01) {
                    continue;
                }
                String query = r.getString("query");
                out.add(String.format(
                        Locale.ROOT,
                        "| %s | %.2f | %.3f | %.3f | %.2f | %.0f | `%s` |",
                        r.getString("datname"),
                        r.getLong("calls") / n,
                        r.getDouble("mean_exec_time"),
                        r.getDouble("total_exec_time") / n,
                        r.getLong("rows") / n,
                        r.getDouble("wal_bytes") / n,
                        (query.length() > 140 ? query.substring(0, 140) + "…" : query).replace("|", "\\|")));
            }
        }
        return out;
    }

    /** The five statements with the longest single execution since the phase began, over all databases. */
    private List<String> slowestStatements() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = stack.postgres().connect("postgres");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT d.datname, s.calls, s.mean_exec_time, s.max_exec_time,"
                        + " regexp_replace(s.query, '\\s+', ' ', 'g') AS query FROM pg_stat_statements s"
                        + " JOIN pg_database d ON d.oid = s.dbid ORDER BY s.max_exec_time DESC LIMIT 5")) {
            out.add("");
            out.add("| database | calls | mean ms | max ms | statement (placeholders only, no values) |");
            out.add("|---|---|---|---|---|");
            while (r.next()) {
                String query = r.getString("query");
                out.add(String.format(
                        Locale.ROOT,
                        "| %s | %,d | %.2f | %.1f | `%s` |",
                        r.getString("datname"),
                        r.getLong("calls"),
                        r.getDouble("mean_exec_time"),
                        r.getDouble("max_exec_time"),
                        (query.length() > 110 ? query.substring(0, 110) + "…" : query).replace("|", "\\|")));
            }
        }
        return out;
    }

    private long checkpoints() throws SQLException {
        try (Connection c = stack.postgres().connect("postgres");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter")) {
            r.next();
            return r.getLong(1);
        }
    }

    private Path serverLog() {
        return stack.postgres().serverLog();
    }

    private List<String> newLogLines(long offset) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(serverLog().toFile(), "r")) {
            long length = file.length();
            if (length <= offset) {
                return List.of();
            }
            byte[] bytes = new byte[(int) Math.min(length - offset, 64L * 1024 * 1024)];
            file.seek(offset);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).lines().toList();
        }
    }

    /**
     * CPU ticks used so far by each part of the suite: the services and Keycloak by their pid files, PostgreSQL as
     * the server and all its children, wrk by name, and the bench itself.
     */
    private Map<String, Long> cpuByComponent() throws IOException {
        Map<String, Long> cpu = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            stack.layout()
                    .pidFile(service.serviceName())
                    .read()
                    .ifPresent(e -> cpu.put(service.serviceName(), ProcStat.ticks(e.pid())));
        }
        stack.layout()
                .pidFile(KeycloakServer.COMPONENT)
                .read()
                .ifPresent(e -> cpu.put("keycloak", ProcStat.ticks(e.pid())));
        long postmaster = stack.postgres().serverPid().orElse(-1L);
        cpu.put("postgres", ProcStat.treeTicks(postmaster));
        cpu.put("wrk", ProcStat.ticksOfCommand("wrk"));
        cpu.put("bench", ProcStat.ticks(ProcessHandle.current().pid()));
        return cpu;
    }

    /** Writes profile-service's recording so far to its file, through jcmd beside this JVM's java. */
    private Path dumpRecording() throws IOException, InterruptedException {
        long pid = stack.layout()
                .pidFile(Service.PROFILE.serviceName())
                .read()
                .orElseThrow(() -> new IllegalStateException("profile-service is not running"))
                .pid();
        Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
        Path jcmd = java.resolveSibling("jcmd");
        Process process = new ProcessBuilder(
                        jcmd.toString(),
                        Long.toString(pid),
                        "JFR.dump",
                        "name=" + RECORDING,
                        "filename=" + recordingFile)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("jcmd JFR.dump of profile-service failed");
        }
        return recordingFile;
    }
}
