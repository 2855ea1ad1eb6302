package org.opencdp.localstack;

import java.nio.file.Path;
import java.util.Locale;

/** The five services of the suite, with what the local run needs to know about each. */
public enum Service {

    PROFILE(8081),
    BEHAVIOUR(8082),
    TRACKING(8083),
    CONSENT(8084),
    RETENTION(8085);

    private final int defaultPort;

    Service(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    /** "profile", the name of its database and of its {@code svc-*} role. */
    public String shortName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "profile-service": module directory, application name and OIDC client id. */
    public String serviceName() {
        return shortName() + "-service";
    }

    public String database() {
        return shortName();
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The realm role its service account holds (see k8s/keycloak/cdp-realm.json). */
    public String serviceAccountRole() {
        return "svc-" + shortName();
    }

    /** The secret of its confidential client in k8s/keycloak/cdp-realm.json: for local runs only. */
    public String localClientSecret() {
        return serviceName() + "-local-secret";
    }

    /** The variable through which the other services find this one, e.g. OPENCDP_PROFILE_URL. */
    public String urlVariable() {
        return "OPENCDP_" + name() + "_URL";
    }

    public Path jar(Path repoRoot) {
        return repoRoot.resolve(serviceName()).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
