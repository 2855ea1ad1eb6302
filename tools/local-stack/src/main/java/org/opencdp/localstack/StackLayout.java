package org.opencdp.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where one suite keeps its state and which ports it uses. Everything a suite writes lives below its state
 * directory, so a second suite (the end-to-end tests) with another directory and other ports runs beside the first:
 *
 * <pre>
 * postgres/     the PostgreSQL cluster (kept across restarts); as root a link to its place below /var/lib/opencdp,
 *               where the postgres user that runs the server can reach it (see {@link ClusterLocation})
 * keycloak/     the unpacked Keycloak distribution
 * logs/         keycloak.log, mailbox.log, &lt;service&gt;.log
 * pids/         one pid file per detached process
 * secrets.env   the personal-data keys, generated once (mode 600)
 * launcher/     for the local run only: the copy of this launcher that `make run` keeps, so that `make stop`,
 *               `make status` and `make reset` work after `make clean` (scripts/local-stack)
 * </pre>
 */
public record StackLayout(Path repoRoot, Path stateDir, StackPorts ports, Map<String, String> serviceSettings) {

    public static final String DEFAULT_STATE_DIR = ".run";

    /**
     * {@code serviceSettings}: environment variables every service of this suite gets on top of its own, e.g. a
     * limit the benchmark must lift; none for the local run and the end-to-end suite.
     */
    public StackLayout {
        repoRoot = repoRoot.toAbsolutePath().normalize();
        stateDir = stateDir.toAbsolutePath().normalize();
        serviceSettings = Map.copyOf(serviceSettings);
    }

    /** The local run: state in {@code <repo>/.run}, the default ports. */
    public static StackLayout forRepo(Path repoRoot) {
        requireRepoRoot(repoRoot);
        return new StackLayout(repoRoot, repoRoot.resolve(DEFAULT_STATE_DIR), StackPorts.defaults(), Map.of());
    }

    public StackLayout withStateDir(Path dir) {
        return new StackLayout(repoRoot, dir, ports, serviceSettings);
    }

    public StackLayout withPorts(StackPorts other) {
        return new StackLayout(repoRoot, stateDir, other, serviceSettings);
    }

    public StackLayout withServiceSettings(Map<String, String> settings) {
        return new StackLayout(repoRoot, stateDir, ports, settings);
    }

    /** The launcher works on built artefacts of the repository, so it must know where that is. */
    public static void requireRepoRoot(Path dir) {
        if (!Files.isRegularFile(dir.resolve("mvnw")) || !Files.isRegularFile(dir.resolve("pom.xml"))) {
            throw new LocalStackException(dir.toAbsolutePath().normalize() + " is not the OpenCDP repository root "
                    + "(no mvnw and pom.xml there): run the launcher from the repository root, e.g. with `make run`.");
        }
    }

    /** Where the cluster is asked for; {@link PostgresCluster#directory()} says where its files are. */
    public Path postgresDir() {
        return stateDir.resolve("postgres");
    }

    public Path keycloakHome() {
        return stateDir.resolve("keycloak");
    }

    public Path logsDir() {
        return stateDir.resolve("logs");
    }

    public Path log(String component) {
        return logsDir().resolve(component + ".log");
    }

    public Path pidsDir() {
        return stateDir.resolve("pids");
    }

    public PidFile pidFile(String component) {
        return new PidFile(pidsDir().resolve(component + ".pid"));
    }

    public Path secretsFile() {
        return stateDir.resolve("secrets.env");
    }

    /** The production realm, which the Kubernetes deployment imports; the local run adds {@link #localRealmOverlay()}. */
    public Path realmFile() {
        return repoRoot.resolve("k8s/keycloak/cdp-realm.json");
    }

    /** What only the local run has: demo users, the password grant, localhost redirects, the demo shop. */
    public Path localRealmOverlay() {
        return repoRoot.resolve("tools/local-stack/cdp-realm-local.json");
    }

    /** Copied there from the Maven registry by the local-stack build. */
    public Path keycloakArchive() {
        return repoRoot.resolve("tools/local-stack/target/keycloak/keycloak-quarkus-dist.tar.gz");
    }

    /** GreenMail standalone, copied there from the Maven registry by the local-stack build. */
    public Path mailboxJar() {
        return repoRoot.resolve("tools/local-stack/target/greenmail/greenmail-standalone.jar");
    }

    public Path serviceJar(Service service) {
        return service.jar(repoRoot);
    }

    public String keycloakUrl() {
        return "http://localhost:" + ports.keycloak();
    }

    public String realmUrl() {
        return keycloakUrl() + "/realms/" + KeycloakServer.REALM;
    }

    /** The local mailbox's web page (its REST API below /api). */
    public String mailboxUrl() {
        return "http://localhost:" + ports.mailbox();
    }

    public String serviceUrl(Service service) {
        return "http://localhost:" + ports.of(service);
    }

    /** The service's management interface: health and metrics, which the API port does not serve. */
    public String managementUrl(Service service) {
        return "http://localhost:" + ports.managementOf(service);
    }
}
