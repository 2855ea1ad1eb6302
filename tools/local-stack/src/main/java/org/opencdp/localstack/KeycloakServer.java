package org.opencdp.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The local Keycloak: the distribution from the Maven registry, unpacked once into the state directory, started in
 * dev mode with the production realm of k8s/keycloak/cdp-realm.json and the local overlay on top ({@link LocalRealm}).
 *
 * <p>Its dev database is deleted before every start, so the realm is imported afresh each time and the realm file
 * files stay the single truth: a role or user added to them shows up after `make stop; make run`, and nothing
 * changed by hand in the admin console outlives a restart. Keycloak keeps no customer data, so nothing of value is
 * lost.
 */
public final class KeycloakServer {

    public static final String REALM = "cdp";
    public static final String COMPONENT = "keycloak";
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    private static final String HEAP = "-Xms64m -Xmx512m";
    private static final String UNPACKED_MARKER = ".opencdp-unpacked-from";
    private static final Duration UNPACK_TIMEOUT = Duration.ofMinutes(3);

    private final StackLayout layout;

    public KeycloakServer(StackLayout layout) {
        this.layout = layout;
    }

    /** Fails in one sentence when what Keycloak needs from the build is missing. */
    void requirePrerequisites() {
        if (!Files.isRegularFile(layout.keycloakArchive()) && !isUnpacked()) {
            throw new LocalStackException("the Keycloak distribution " + layout.keycloakArchive() + " is missing: "
                    + "run `make run`, which builds first (or `./mvnw -B -pl tools/local-stack package`).");
        }
        for (Path realm : List.of(layout.realmFile(), layout.localRealmOverlay())) {
            if (!Files.isRegularFile(realm)) {
                throw new LocalStackException("the realm file " + realm + " is missing; restore it from git.");
            }
        }
    }

    /** Starts Keycloak detached; returns at once. */
    ProcessHandle start() {
        unpackOnce();
        prepareRealmImport();
        Path home = layout.keycloakHome();
        int port = layout.ports().keycloak();
        Map<String, String> environment = new HashMap<>();
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("JAVA_OPTS_KC_HEAP", HEAP);
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // The realm's placeholders (the confidential clients' secrets), filled in at import as in the cluster.
        environment.putAll(LocalRealm.environment());
        // A JAVA_OPTS of the caller's shell would replace Keycloak's defaults, heap limit included.
        environment.put("JAVA_OPTS", null);
        List<String> command = List.of(
                home.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--import-realm",
                "--http-port=" + port,
                "--hostname=http://localhost:" + port);
        return DetachedProcess.start(command, environment, home, layout.log(COMPONENT), layout.pidFile(COMPONENT));
    }

    /** Waits until the realm answers; on timeout or if Keycloak exits, fails with the end of its log. */
    void awaitReady(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isReady()) {
            if (!process.isAlive()) {
                throw new LocalStackException("Keycloak exited while starting.\n" + LogTail.of(layout.log(COMPONENT)));
            }
            if (System.nanoTime() > deadline) {
                throw new LocalStackException("Keycloak was not ready within " + timeout.toSeconds() + " s.\n"
                        + LogTail.of(layout.log(COMPONENT)));
            }
            DetachedProcess.sleep(Duration.ofMillis(500));
        }
    }

    public boolean isReady() {
        return HttpProbe.answersOk(layout.realmUrl() + "/.well-known/openid-configuration");
    }

    boolean isUnpacked() {
        return Files.isExecutable(layout.keycloakHome().resolve("bin/kc.sh"));
    }

    /** Unpacks the distribution unless this very archive was unpacked before (a newer one replaces the old). */
    private void unpackOnce() {
        Path archive = layout.keycloakArchive();
        Path home = layout.keycloakHome();
        Path marker = home.resolve(UNPACKED_MARKER);
        String fingerprint = fingerprint(archive);
        try {
            if (isUnpacked() && (fingerprint.isEmpty() || fingerprint.equals(readOrEmpty(marker)))) {
                return;
            }
            Path unpacking = layout.stateDir().resolve("keycloak.unpacking");
            Commands.deleteRecursively(unpacking);
            Commands.deleteRecursively(home);
            Files.createDirectories(unpacking);
            Commands.run(List.of("tar", "-xzf", archive.toString(), "-C", unpacking.toString()), UNPACK_TIMEOUT);
            Path unpacked;
            try (Stream<Path> entries = Files.list(unpacking)) {
                unpacked = entries.filter(Files::isDirectory)
                        .findFirst()
                        .orElseThrow(() -> new LocalStackException(archive + " holds no Keycloak directory; "
                                + "delete it and run `make run` again to fetch it anew."));
            }
            Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
            Commands.deleteRecursively(unpacking);
            Files.writeString(marker, fingerprint, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LocalStackException("could not unpack Keycloak into " + home + ": " + e.getMessage(), e);
        }
    }

    private void prepareRealmImport() {
        Path data = layout.keycloakHome().resolve("data");
        // The dev database and its transaction log go, so the import below is the whole truth (see the class comment).
        Commands.deleteRecursively(data.resolve("h2"));
        Commands.deleteRecursively(data.resolve("transaction-logs"));
        try {
            Path imports = Files.createDirectories(data.resolve("import"));
            LocalRealm.writeForImport(layout, imports.resolve(REALM + "-realm.json"));
        } catch (IOException e) {
            throw new LocalStackException(
                    "could not create the realm import directory in " + data + ": " + e.getMessage(), e);
        }
    }

    private static String fingerprint(Path archive) {
        try {
            return Files.size(archive) + "-"
                    + Files.getLastModifiedTime(archive).toMillis();
        } catch (IOException e) {
            return "";
        }
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "";
        }
    }
}
