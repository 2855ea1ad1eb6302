package org.opencdp.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster run from the machine's installed server binaries (initdb, pg_ctl), listening on
 * 127.0.0.1 only. Everything it owns lives below one directory: {@code data/}, {@code server.log} and the
 * Unix socket, so removing that directory removes the cluster. Where that directory is, {@link ClusterLocation}
 * decides: as root, where the postgres user that runs the server can reach it.
 */
public final class PostgresCluster {

    public static final String SUPERUSER = "cdp";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(90);

    /** Where the cluster was asked for; as root a symbolic link to {@link #dir}. */
    private final Path requested;

    private final Path dir;
    private final int port;
    private final String password;
    private final boolean durable;

    private PostgresCluster(Path requested, Path dir, int port, String password, boolean durable) {
        this.requested = requested.toAbsolutePath().normalize();
        this.dir = dir.toAbsolutePath().normalize();
        this.port = port;
        this.password = password;
        this.durable = durable;
    }

    /**
     * A cluster whose data must survive restarts (the local run), asked for at {@code dir}: there, or, as root, in a
     * place of its own that {@code dir} links to.
     */
    public static PostgresCluster durable(Path dir, int port, String password) {
        return new PostgresCluster(dir, ClusterLocation.forThisProcess().durable(dir), port, password, true);
    }

    /**
     * A cluster for one test run: a fresh directory (below the system temp dir, or as root below
     * {@link ClusterLocation#SERVER_USER_ROOT}), a free port, fsync off. Clusters that earlier, killed test JVMs
     * left behind are stopped and removed first.
     */
    public static PostgresCluster throwaway() {
        Path root = ClusterLocation.forThisProcess().throwawayRoot();
        reapOrphans(root);
        Path dir = root.resolve(ProcessHandle.current().pid() + "-"
                + UUID.randomUUID().toString().substring(0, 8));
        return new PostgresCluster(dir, dir, Ports.anyFree(), "test-" + UUID.randomUUID(), false);
    }

    public int port() {
        return port;
    }

    public String password() {
        return password;
    }

    /** Where the cluster's files really are (a durable cluster's requested path may be a link to it). */
    public Path directory() {
        return dir;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private Path dataDir() {
        return dir.resolve("data");
    }

    public Path serverLog() {
        return dir.resolve("server.log");
    }

    public boolean isInitialised() {
        return Files.exists(dataDir().resolve("PG_VERSION"));
    }

    public boolean isRunning() {
        return Files.exists(dataDir().resolve("postmaster.pid"));
    }

    /** The pid of the running server, read from postmaster.pid; empty when no server of this cluster is alive. */
    public Optional<Long> serverPid() {
        try {
            String firstLine = Files.readAllLines(dataDir().resolve("postmaster.pid"), StandardCharsets.UTF_8)
                    .get(0)
                    .trim();
            // A postmaster.pid left by a killed server names a dead (or someone else's) process: check it is a
            // postgres.
            return ProcessHandle.of(Long.parseLong(firstLine))
                    .filter(ProcessHandle::isAlive)
                    .filter(p ->
                            p.info().command().map(c -> c.endsWith("postgres")).orElse(true))
                    .map(ProcessHandle::pid);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Creates the cluster if this directory holds none yet, then starts it; waits until it accepts connections. */
    public PostgresCluster start() {
        ClusterLocation.link(requested, dir);
        if (!isInitialised()) {
            initialise();
        }
        if (isRunning() && canConnect()) {
            return this;
        }
        // A postmaster.pid without a live server (machine or server killed) is handled by pg_ctl itself.
        Ports.requireFree(port, "PostgreSQL");
        String options = "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1";
        try {
            Commands.run(
                    Commands.asPostgresUser(List.of(
                            binary("pg_ctl"),
                            "-D",
                            dataDir().toString(),
                            "-l",
                            serverLog().toString(),
                            "-o",
                            options,
                            "-w",
                            "-t",
                            "60",
                            "start")),
                    COMMAND_TIMEOUT);
        } catch (LocalStackException e) {
            throw new LocalStackException(
                    "PostgreSQL did not start; the end of " + serverLog() + ":\n" + tailOfLog(), e);
        }
        return this;
    }

    /**
     * Stops the server (fast shutdown: open transactions are rolled back) if it runs. A postmaster.pid whose server is
     * gone (killed, or the machine restarted) is left to the next start: pg_ctl would fail on it, or signal a stranger.
     */
    public void stop() {
        if (serverPid().isEmpty()) {
            return;
        }
        Commands.run(
                Commands.asPostgresUser(
                        List.of(binary("pg_ctl"), "-D", dataDir().toString(), "-m", "fast", "-w", "-t", "60", "stop")),
                COMMAND_TIMEOUT);
    }

    /** Stops the server and removes the cluster's directory, and the link to it. */
    public void destroy() {
        try {
            stop();
        } finally {
            Commands.deleteRecursively(dir);
            if (Files.isSymbolicLink(requested)) {
                try {
                    Files.delete(requested);
                } catch (IOException e) {
                    throw new LocalStackException("could not delete the link " + requested + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /** Creates the database unless it exists. Names are restricted to lower-case identifiers. */
    public void ensureDatabase(String name) {
        requireValidName(name);
        try (Connection c = connect("postgres");
                PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new LocalStackException("could not create database " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates the login role unless it exists, and (re)sets its password. Names are restricted to lower-case
     * identifiers; the password is passed as a literal, so it must come from this code, never from a user.
     */
    public void ensureRole(String name, String rolePassword) {
        ensureRole(name, rolePassword, "");
    }

    /** As {@link #ensureRole(String, String)}, with role attributes such as {@code CREATEDB}. */
    public void ensureRole(String name, String rolePassword, String attributes) {
        requireValidName(name);
        try (Connection c = connect("postgres");
                PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            exists.setString(1, name);
            boolean present;
            try (ResultSet rs = exists.executeQuery()) {
                present = rs.next();
            }
            try (Statement statement = c.createStatement()) {
                String literal = "'" + rolePassword.replace("'", "''") + "'";
                statement.execute((present ? "ALTER ROLE " : "CREATE ROLE ") + name + " LOGIN " + attributes
                        + " PASSWORD " + literal);
            }
        } catch (SQLException e) {
            throw new LocalStackException("could not create role " + name + ": " + e.getMessage(), e);
        }
    }

    /** Hands the database (and so its public schema, PostgreSQL 15+) to another role, which then owns what it creates. */
    public void transferDatabase(String database, String owner) {
        requireValidName(database);
        requireValidName(owner);
        try (Connection c = connect("postgres");
                Statement statement = c.createStatement()) {
            statement.execute("ALTER DATABASE " + database + " OWNER TO " + owner);
        } catch (SQLException e) {
            throw new LocalStackException(
                    "could not give database " + database + " to " + owner + ": " + e.getMessage(), e);
        }
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, password);
    }

    private boolean canConnect() {
        try (Connection ignored = connect("postgres")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private void initialise() {
        try {
            ClusterLocation.createParentsReachable(dir);
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            Path passwordFile = dir.resolve("superuser.pw");
            Files.deleteIfExists(passwordFile);
            // Readable by its owner only from the first moment; as root, the owner becomes postgres just below.
            Files.createFile(
                    passwordFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
            handOverToPostgresUser();
            try {
                Commands.run(
                        Commands.asPostgresUser(List.of(
                                binary("initdb"),
                                "-D",
                                dataDir().toString(),
                                "-U",
                                SUPERUSER,
                                "--pwfile=" + passwordFile,
                                "--auth=scram-sha-256",
                                "-E",
                                "UTF8",
                                "--locale=C")),
                        COMMAND_TIMEOUT);
            } finally {
                Files.deleteIfExists(passwordFile);
            }
            Files.writeString(
                    dataDir().resolve("postgresql.conf"),
                    settings(),
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new LocalStackException("could not prepare " + dir + ": " + e.getMessage(), e);
        }
    }

    private String settings() {
        StringBuilder conf = new StringBuilder("\n# opencdp local-stack\nmax_connections = 200\n");
        if (!durable) {
            // A test cluster is thrown away after the run: durability only costs time.
            conf.append("fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n");
        } else {
            // Statement statistics and plans of slow statements, for finding what a slow request waited for (the
            // benchmark reads them, issue 8). auto_explain stays off until a superuser sets a threshold (reloadable).
            conf.append("shared_preload_libraries = 'pg_stat_statements,auto_explain'\n")
                    .append("auto_explain.log_min_duration = -1\n")
                    .append("track_io_timing = on\n");
            // Sized for tracking's ingestion, about 0.5 MB of WAL per 1,000 events (bench/README.md, tracking: "the
            // WAL"): with the default max_wal_size (1GB) a checkpoint was requested by WAL volume every 7-17 s at
            // full rate, and after each the first change of every page is logged whole again. Now about every 2GB of
            // WAL (at ordinary rates every 15 min), lz4 for the full-page images that remain, and shared buffers that
            // hold the current month's partition and indexes rather than the default 128MB. fsync,
            // synchronous_commit and full_page_writes stay on: an accepted event is acknowledged as stored.
            conf.append("max_wal_size = 4GB\n")
                    .append("checkpoint_timeout = 15min\n")
                    .append("wal_compression = lz4\n")
                    .append("shared_buffers = 512MB\n");
        }
        return conf.toString();
    }

    /** initdb runs as postgres when we are root, so that user must own the directory. */
    private void handOverToPostgresUser() {
        if (Commands.runningAsRoot()) {
            Commands.run(List.of("chown", "-R", "postgres:postgres", dir.toString()), COMMAND_TIMEOUT);
        }
    }

    private String tailOfLog() {
        try {
            List<String> lines = Files.readAllLines(serverLog());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void requireValidName(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name must match " + DATABASE_NAME + ": " + name);
        }
    }

    /** A program of the installed PostgreSQL, e.g. {@code pg_dump} for a backup drill. */
    public static String program(String name) {
        return binary(name);
    }

    static String binary(String name) {
        List<Path> fallbacks = new ArrayList<>(Commands.versionedDirs(Path.of("/usr/lib/postgresql"), "bin"));
        return Commands.find(name, fallbacks)
                .map(Path::toString)
                .orElseThrow(() -> new LocalStackException("the PostgreSQL server program " + name
                        + " was not found on the PATH or in /usr/lib/postgresql/*/bin. "
                        + "Install the server: apt-get install postgresql"));
    }

    /** Stops and removes test clusters whose JVM is gone (killed before it could clean up). */
    private static void reapOrphans(Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> clusters = Files.list(root)) {
            for (Path cluster : clusters.toList()) {
                String owner = cluster.getFileName().toString().split("-", 2)[0];
                boolean ownerAlive = owner.chars().allMatch(Character::isDigit)
                        && ProcessHandle.of(Long.parseLong(owner)).isPresent();
                if (!ownerAlive) {
                    try {
                        new PostgresCluster(cluster, cluster, 0, "", false).destroy();
                    } catch (LocalStackException e) {
                        System.err.println("[local-stack] could not remove orphaned test cluster " + cluster + ": "
                                + e.getMessage());
                    }
                }
            }
        } catch (IOException e) {
            System.err.println("[local-stack] could not look for orphaned test clusters: " + e.getMessage());
        }
    }
}
