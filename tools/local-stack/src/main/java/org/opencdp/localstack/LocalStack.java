package org.opencdp.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The whole suite on one machine: PostgreSQL, then the local mailbox and Keycloak, then the five services, each detached so it outlives
 * the launcher. `make run`, `make stop`, `make status` and the end-to-end tests all go through this class, so what
 * the tests start is what a developer starts.
 */
public final class LocalStack {

    /** The local cluster's superuser password; local only, the cluster listens on 127.0.0.1. */
    public static final String DATABASE_PASSWORD = "cdp-local";

    /**
     * Generous on purpose: Keycloak re-augments itself at every start (about 70 s on two cores) and then boots
     * (about 60 s); on a two-core machine busy with other builds (load average about 24) the augmentation alone took
     * 129 s and the whole start over 300 s. A slow start is not a failure; a Keycloak that never answers still is.
     */
    public static final Duration KEYCLOAK_TIMEOUT = Duration.ofSeconds(600);

    public static final Duration SERVICES_TIMEOUT = Duration.ofSeconds(240);

    public enum StartOutcome {
        STARTED,
        ALREADY_RUNNING
    }

    private final StackLayout layout;
    private final Consumer<String> progress;
    private final KeycloakServer keycloak;
    private final MailboxServer mailbox;
    private final ServiceProcesses services;
    /** Guards each process start against a concurrent {@link #cancelStartAndStop()}. */
    private final Object spawnLock = new Object();

    private boolean cancelled;

    public LocalStack(StackLayout layout, Consumer<String> progress) {
        this.layout = layout;
        this.progress = progress;
        this.keycloak = new KeycloakServer(layout);
        this.mailbox = new MailboxServer(layout);
        this.services = new ServiceProcesses(layout);
    }

    /** JVM options for one service on top of the suite's own, for the next start (the benchmark's diagnostics). */
    public void addJvmOptions(Service service, List<String> options) {
        services.addJvmOptions(service, options);
    }

    public StackLayout layout() {
        return layout;
    }

    public PostgresCluster postgres() {
        return PostgresCluster.durable(layout.postgresDir(), layout.ports().postgres(), DATABASE_PASSWORD);
    }

    /**
     * Starts whatever is needed and waits until all of it answers. Checks everything it can before starting
     * anything; if a part fails to come up, stops what it started and throws.
     */
    public StartOutcome start() {
        List<ComponentStatus> before = status();
        if (before.stream().allMatch(c -> c.state() == ComponentStatus.State.RUNNING)) {
            return StartOutcome.ALREADY_RUNNING;
        }
        List<String> running = before.stream()
                .filter(c -> !c.isStopped())
                .map(ComponentStatus::name)
                .toList();
        if (!running.isEmpty()) {
            throw new LocalStackException("part of the suite is already running (" + String.join(", ", running)
                    + "): run `make stop` first, then start again.");
        }
        checkPrerequisites();
        LocalSecrets secrets = LocalSecrets.loadOrCreate(layout.secretsFile());
        try {
            startPostgres();
            startMailbox();
            startKeycloak();
            startServices(secrets);
            return StartOutcome.STARTED;
        } catch (RuntimeException failure) {
            if (isCancelled()) {
                // Whoever cancelled stops the suite; what failed here is only a consequence of that.
                throw new LocalStackException("the start was interrupted; what it had started is stopped.");
            }
            progress.accept("Start failed; stopping what was started.");
            try {
                stop();
            } catch (RuntimeException stopFailure) {
                failure.addSuppressed(stopFailure);
            }
            throw failure;
        }
    }

    /**
     * For Ctrl-C or a JVM shutdown during {@link #start()}: nothing more is started, and whatever runs is stopped.
     * Safe to call from a shutdown hook while start() is still busy in another thread.
     */
    public void cancelStartAndStop() {
        synchronized (spawnLock) {
            cancelled = true;
        }
        stop();
    }

    /**
     * Stops the services, Keycloak, the mailbox and PostgreSQL; returns false when none of them was running. Synchronized: a
     * shutdown hook and a failing start may both try, and the second then finds nothing left.
     */
    public synchronized boolean stop() {
        boolean any = stopServices();
        if (DetachedProcess.stop(layout.pidFile(KeycloakServer.COMPONENT))) {
            progress.accept("stopped keycloak");
            any = true;
        }
        if (DetachedProcess.stop(layout.pidFile(MailboxServer.COMPONENT))) {
            progress.accept("stopped the mailbox");
            any = true;
        }
        PostgresCluster postgres = postgres();
        if (postgres.serverPid().isPresent()) {
            postgres.stop();
            progress.accept("stopped postgres");
            any = true;
        }
        return any;
    }

    /** Stops one service cleanly, e.g. for an end-to-end test of a participant that is down. */
    public void stopService(Service service) {
        DetachedProcess.stop(layout.pidFile(service.serviceName()));
        progress.accept("stopped " + service.serviceName());
    }

    /**
     * Stops one service cleanly, giving it up to {@code grace} before SIGKILL: for a JVM that has work to finish as
     * it exits (an AOT training run writes its cache then).
     */
    public void stopService(Service service, Duration grace) {
        DetachedProcess.stop(layout.pidFile(service.serviceName()), grace);
        progress.accept("stopped " + service.serviceName());
    }

    /** Kills one service with SIGKILL, as a crash would end it, for an end-to-end test of what survives it. */
    public void killService(Service service) {
        DetachedProcess.kill(layout.pidFile(service.serviceName()));
        progress.accept("killed " + service.serviceName());
    }

    /** Starts one stopped service of a running suite again, with the suite's keys, and waits until it is ready. */
    public void startService(Service service) {
        LocalSecrets secrets = LocalSecrets.loadOrCreate(layout.secretsFile());
        ProcessHandle started = spawn(() -> services.start(service, secrets));
        services.awaitReady(Map.of(service, started), SERVICES_TIMEOUT, progress);
    }

    /**
     * Starts one stopped service of a running suite with another runtime and application (a {@link ServiceLaunch}), with
     * the suite's keys, without waiting: the caller times its readiness itself (the startup benchmark). Stop it with
     * {@link #stopService}.
     */
    public ProcessHandle launchService(Service service, ServiceLaunch launch) {
        LocalSecrets secrets = LocalSecrets.loadOrCreate(layout.secretsFile());
        return spawn(() -> services.start(service, secrets, launch));
    }

    /**
     * Deletes the suite's state (database cluster, keys, logs, pid files) so the next start is a fresh one; only the
     * unpacked Keycloak stays, which is build output, not state, and saves unpacking 190 MB again. For the
     * throwaway suites of the end-to-end tests and the benchmarks. Refuses while any part of the suite runs.
     */
    public void discardState() {
        requireStopped();
        postgres().destroy();
        Path state = layout.stateDir();
        if (!Files.isDirectory(state)) {
            return;
        }
        try (Stream<Path> entries = Files.list(state)) {
            for (Path entry :
                    entries.filter(p -> !p.equals(layout.keycloakHome())).toList()) {
                try (Stream<Path> paths = Files.walk(entry)) {
                    for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new LocalStackException("could not clear " + state + ": " + e.getMessage(), e);
        }
    }

    /**
     * `make reset`: stops the suite, then deletes all it keeps (database cluster, keys, logs, the unpacked Keycloak),
     * so the next start is that of a new suite. Deletes nothing while any part of it still runs.
     */
    public void reset() {
        stop();
        requireStopped();
        postgres().destroy();
        Commands.deleteRecursively(layout.stateDir());
    }

    /**
     * The end of a throwaway suite (end-to-end tests, benchmarks): stops it and removes its database cluster, which
     * as root lives outside the checkout and would otherwise outlive it. The logs stay, the server's own as
     * logs/postgres.log.
     */
    public void stopAndDropDatabase() {
        stop();
        PostgresCluster postgres = postgres();
        try {
            if (Files.isRegularFile(postgres.serverLog())) {
                Files.createDirectories(layout.logsDir());
                Files.copy(postgres.serverLog(), layout.log("postgres"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new LocalStackException(
                    "could not keep the PostgreSQL log in " + layout.logsDir() + ": " + e.getMessage(), e);
        }
        postgres.destroy();
    }

    /** One entry per part of the suite, in start order. */
    public List<ComponentStatus> status() {
        List<ComponentStatus> status = new ArrayList<>();
        PostgresCluster postgres = postgres();
        status.add(postgres.serverPid()
                .map(pid -> new ComponentStatus(
                        "postgres",
                        ComponentStatus.State.RUNNING,
                        "pid " + pid + ", port " + layout.ports().postgres() + ", data in " + postgres.directory()))
                .orElse(stopped("postgres")));
        status.add(processStatus(KeycloakServer.COMPONENT, layout.keycloakUrl(), keycloak::isReady));
        status.add(processStatus(MailboxServer.COMPONENT, layout.mailboxUrl(), mailbox::isReady));
        for (Service service : Service.values()) {
            status.add(
                    processStatus(service.serviceName(), layout.serviceUrl(service), () -> services.isReady(service)));
        }
        return status;
    }

    private ComponentStatus processStatus(String name, String url, BooleanSupplier answers) {
        return layout.pidFile(name)
                .running()
                .map(process -> answers.getAsBoolean()
                        ? new ComponentStatus(name, ComponentStatus.State.RUNNING, "pid " + process.pid() + ", " + url)
                        : new ComponentStatus(
                                name,
                                ComponentStatus.State.NOT_READY,
                                "pid " + process.pid() + ", " + url + " does not answer; see " + layout.log(name)))
                .orElse(stopped(name));
    }

    /** Data is never deleted under a running server. */
    private void requireStopped() {
        List<String> running = status().stream()
                .filter(c -> !c.isStopped())
                .map(ComponentStatus::toString)
                .toList();
        if (!running.isEmpty()) {
            throw new LocalStackException(
                    "part of the suite still runs, so nothing was deleted:\n  " + String.join("\n  ", running)
                            + "\nStop it (`make stop`, or end those processes yourself), then try again.");
        }
    }

    private static ComponentStatus stopped(String name) {
        return new ComponentStatus(name, ComponentStatus.State.STOPPED, "");
    }

    /** Everything that would make the start fail half-way, found before anything starts. */
    private void checkPrerequisites() {
        PostgresCluster postgres = postgres();
        if (postgres.isInitialised() && !Files.exists(layout.secretsFile())) {
            // New keys would make the services start on data they cannot decrypt.
            throw new LocalStackException("the database cluster " + postgres.directory()
                    + " holds the data of an earlier "
                    + "run, but its keys (" + layout.secretsFile() + ") are gone, so its personal data cannot be read. "
                    + "Restore that file, or run `make reset` to start over with an empty suite.");
        }
        PostgresCluster.binary("pg_ctl");
        keycloak.requirePrerequisites();
        mailbox.requirePrerequisites();
        services.requireJars();
        Ports.requireFree(layout.ports().postgres(), "PostgreSQL");
        Ports.requireFree(layout.ports().keycloak(), "Keycloak");
        Ports.requireFree(layout.ports().smtp(), "the local mailbox's SMTP");
        Ports.requireFree(layout.ports().mailbox(), "the local mailbox's web page");
        for (Service service : Service.values()) {
            Ports.requireFree(layout.ports().of(service), service.serviceName());
            Ports.requireFree(layout.ports().managementOf(service), service.serviceName() + "'s health and metrics");
        }
        try {
            Files.createDirectories(layout.logsDir());
            Files.createDirectories(layout.pidsDir());
        } catch (IOException e) {
            throw new LocalStackException(
                    "could not create the state directory " + layout.stateDir() + ": " + e.getMessage(), e);
        }
    }

    private void startPostgres() {
        progress.accept("Starting PostgreSQL on port " + layout.ports().postgres() + " ...");
        PostgresCluster postgres = spawn(() -> postgres().start());
        // (issue 9) Each service's data database and key database, and the roles it connects as; the migrations run
        // as the local cluster's superuser, which owns the tables.
        for (Service service : Service.values()) {
            for (String database : List.of(service.database(), service.keysDatabase())) {
                postgres.ensureDatabase(database);
                postgres.ensureRole(Service.applicationRole(database), DATABASE_PASSWORD);
            }
        }
    }

    private void startMailbox() {
        progress.accept(
                "Starting the local mailbox (SMTP on port " + layout.ports().smtp() + ") ...");
        ProcessHandle process = spawn(mailbox::start);
        mailbox.awaitReady(process);
    }

    private void startKeycloak() {
        progress.accept("Starting Keycloak on port " + layout.ports().keycloak()
                + " (realm `" + KeycloakServer.REALM + "` imported afresh from "
                + layout.repoRoot().relativize(layout.realmFile())
                + " and " + layout.repoRoot().relativize(layout.localRealmOverlay()) + ") ...");
        ProcessHandle process = spawn(keycloak::start);
        keycloak.awaitReady(process, KEYCLOAK_TIMEOUT);
        progress.accept("Keycloak is ready");
    }

    private void startServices(LocalSecrets secrets) {
        progress.accept("Starting the five services ...");
        Map<Service, ProcessHandle> started = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            started.put(service, spawn(() -> services.start(service, secrets)));
        }
        services.awaitReady(started, SERVICES_TIMEOUT, progress);
    }

    private boolean isCancelled() {
        synchronized (spawnLock) {
            return cancelled;
        }
    }

    private <T> T spawn(Supplier<T> start) {
        synchronized (spawnLock) {
            if (cancelled) {
                throw new LocalStackException("the start was interrupted.");
            }
            return start.get();
        }
    }

    /** In parallel: each service may take some seconds to shut down cleanly. */
    private boolean stopServices() {
        ExecutorService pool = Executors.newFixedThreadPool(Service.values().length);
        try {
            Map<Service, Future<Boolean>> stopping = new EnumMap<>(Service.class);
            for (Service service : Service.values()) {
                stopping.put(service, pool.submit(() -> DetachedProcess.stop(layout.pidFile(service.serviceName()))));
            }
            List<String> stopped = new ArrayList<>();
            for (Map.Entry<Service, Future<Boolean>> entry : stopping.entrySet()) {
                if (entry.getValue().get()) {
                    stopped.add(entry.getKey().serviceName());
                }
            }
            if (!stopped.isEmpty()) {
                progress.accept("stopped " + stopped.stream().collect(Collectors.joining(", ")));
            }
            return !stopped.isEmpty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("interrupted while stopping the services", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof LocalStackException l
                    ? l
                    : new LocalStackException("could not stop the services: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
    }
}
