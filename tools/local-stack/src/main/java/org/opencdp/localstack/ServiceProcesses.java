package org.opencdp.localstack;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** The five services as processes: their environment, their start, their readiness. */
final class ServiceProcesses {

    /** Where the frontend teams' development servers usually run. */
    static final String CORS_ORIGINS = "http://localhost:3000,http://localhost:5173";

    /** glibc's malloc arenas at most, as the chart's Deployment sets them (templates/deployment.yaml). */
    static final String MALLOC_ARENA_MAX = "2";

    private final StackLayout layout;
    /** Options a caller adds for one service, e.g. the benchmark's flight recording of profile-service. */
    private final Map<Service, List<String>> extraOptions = new EnumMap<>(Service.class);

    ServiceProcesses(StackLayout layout) {
        this.layout = layout;
    }

    void requireJars() {
        for (Service service : Service.values()) {
            if (!Files.isRegularFile(layout.serviceJar(service))) {
                throw new LocalStackException(service.serviceName() + " is not built (" + layout.serviceJar(service)
                        + " is missing): run `make run`, which builds first.");
            }
        }
    }

    void addJvmOptions(Service service, List<String> options) {
        extraOptions.computeIfAbsent(service, s -> new ArrayList<>()).addAll(options);
    }

    ProcessHandle start(Service service, LocalSecrets secrets) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(JvmOptions.of(layout.repoRoot(), service));
        command.addAll(extraOptions.getOrDefault(service, List.of()));
        command.add("-jar");
        command.add(layout.serviceJar(service).toString());
        return start(service, secrets, command);
    }

    /** With another runtime, application and options; the service's JVM options of jvm.options stay, so figures compare. */
    ProcessHandle start(Service service, LocalSecrets secrets, ServiceLaunch launch) {
        List<String> command = new ArrayList<>();
        command.add(launch.javaHome().resolve("bin/java").toString());
        command.addAll(JvmOptions.of(layout.repoRoot(), service));
        command.addAll(launch.jvmOptions());
        command.add("-jar");
        command.add(launch.appDir().resolve("quarkus-run.jar").toString());
        return start(service, secrets, command);
    }

    private ProcessHandle start(Service service, LocalSecrets secrets, List<String> command) {
        return DetachedProcess.start(
                command,
                environment(service, secrets),
                layout.stateDir(),
                layout.log(service.serviceName()),
                layout.pidFile(service.serviceName()));
    }

    /** Everything a service reads from its environment, for this suite's ports and keys. */
    Map<String, String> environment(Service service, LocalSecrets secrets) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OPENCDP_HTTP_PORT", String.valueOf(layout.ports().of(service)));
        env.put("OPENCDP_MANAGEMENT_PORT", String.valueOf(layout.ports().managementOf(service)));
        env.put(
                "OPENCDP_DB_URL",
                "jdbc:postgresql://127.0.0.1:" + layout.ports().postgres() + "/" + service.database());
        // (issue 9) The service connects as its application role; its migrations run as the owner.
        env.put("OPENCDP_DB_USER", Service.applicationRole(service.database()));
        env.put("OPENCDP_DB_PASSWORD", LocalStack.DATABASE_PASSWORD);
        env.put("OPENCDP_DB_OWNER_USER", PostgresCluster.SUPERUSER);
        env.put("OPENCDP_DB_OWNER_PASSWORD", LocalStack.DATABASE_PASSWORD);
        env.put(
                "OPENCDP_KEYS_DB_URL",
                "jdbc:postgresql://127.0.0.1:" + layout.ports().postgres() + "/" + service.keysDatabase());
        env.put("OPENCDP_KEYS_DB_USER", Service.applicationRole(service.keysDatabase()));
        env.put("OPENCDP_KEYS_DB_PASSWORD", LocalStack.DATABASE_PASSWORD);
        env.put("OPENCDP_KEYS_DB_OWNER_USER", PostgresCluster.SUPERUSER);
        env.put("OPENCDP_KEYS_DB_OWNER_PASSWORD", LocalStack.DATABASE_PASSWORD);
        env.put("OPENCDP_OIDC_URL", layout.realmUrl());
        // The browser reaches Keycloak under the same address as the services do on one machine.
        env.put("OPENCDP_OIDC_PUBLIC_URL", layout.realmUrl());
        // The iss of the local realm's tokens: Keycloak runs with --hostname=<its own address> (KeycloakServer), so it
        // is the realm's URL too. The services check it without asking the realm at start (issue 15).
        env.put("OPENCDP_OIDC_ISSUER", layout.realmUrl());
        env.put("OPENCDP_OIDC_CLIENT_SECRET", service.localClientSecret());
        env.putAll(secrets.environment());
        for (Service other : Service.values()) {
            env.put(other.urlVariable(), layout.serviceUrl(other));
        }
        env.put("OPENCDP_CORS_ORIGINS", CORS_ORIGINS);
        if (service == Service.CONSENT) {
            // Double opt-in mails go to the local mailbox, and their links to this suite's consent-service.
            env.put("OPENCDP_SMTP_HOST", "127.0.0.1");
            env.put("OPENCDP_SMTP_PORT", String.valueOf(layout.ports().smtp()));
            env.put("OPENCDP_CONSENT_PUBLIC_BASE_URL", layout.serviceUrl(Service.CONSENT));
        }
        // The demo pages use the demo site key (site_demo), registered at start for their origins; production has no
        // demo site. The tracker's demo shop (/tracker/demo.html, tracking-service) records consent at consent-service;
        // the cookie banner demo (/consent/banner-demo.html, consent-service) runs the tracker, which sends to
        // tracking-service: each service's site_demo allows both origins.
        String demoOrigins = layout.serviceUrl(Service.TRACKING) + "," + layout.serviceUrl(Service.CONSENT);
        if (service == Service.TRACKING) {
            env.put("OPENCDP_TRACKING_DEMO_ORIGINS", demoOrigins);
        }
        if (service == Service.CONSENT) {
            env.put("OPENCDP_CONSENT_DEMO_ORIGINS", demoOrigins);
            env.put("OPENCDP_CONSENT_BANNER_DEMO_PAGE", "true");
        }
        if (service == Service.RETENTION) {
            // The local run and the end-to-end tests try purges out by moving the clock (a purge run's asOf); a
            // production deployment purges as of now only.
            env.put("OPENCDP_RETENTION_PURGE_ALLOW_AS_OF", "true");
        }
        // glibc's malloc with at most two arenas, as in a pod (the chart's Deployment sets the same): less memory
        // kept resident after it was freed (docs/operations.md, "Memory").
        env.put("MALLOC_ARENA_MAX", MALLOC_ARENA_MAX);
        // Logs are JSON in production; a person reads these, and the launcher shows their tail when a start fails.
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        env.putAll(layout.serviceSettings());
        return env;
    }

    boolean isReady(Service service) {
        return HttpProbe.answersOk(layout.managementUrl(service) + "/q/health/ready");
    }

    /**
     * Waits until every started service reports ready. Fails as soon as one exits, or when the deadline passes,
     * with the end of the logs of those that are not ready.
     */
    void awaitReady(Map<Service, ProcessHandle> started, Duration timeout, Consumer<String> progress) {
        long begin = System.nanoTime();
        long deadline = begin + timeout.toNanos();
        Map<Service, ProcessHandle> waiting = new EnumMap<>(started);
        while (!waiting.isEmpty()) {
            for (Service service : List.copyOf(waiting.keySet())) {
                if (isReady(service)) {
                    waiting.remove(service);
                    progress.accept(service.serviceName() + " is ready ("
                            + Duration.ofNanos(System.nanoTime() - begin).toSeconds() + " s)");
                } else if (!waiting.get(service).isAlive()) {
                    throw new LocalStackException(service.serviceName() + " exited while starting.\n"
                            + LogTail.of(layout.log(service.serviceName())));
                }
            }
            if (!waiting.isEmpty() && System.nanoTime() > deadline) {
                String names =
                        waiting.keySet().stream().map(Service::serviceName).collect(Collectors.joining(", "));
                String tails = waiting.keySet().stream()
                        .map(s -> LogTail.of(layout.log(s.serviceName())))
                        .collect(Collectors.joining("\n"));
                throw new LocalStackException(
                        "not ready within " + timeout.toSeconds() + " s: " + names + ".\n" + tails);
            }
            if (!waiting.isEmpty()) {
                DetachedProcess.sleep(Duration.ofMillis(500));
            }
        }
    }

    private static String java() {
        return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java")
                .toString();
    }
}
