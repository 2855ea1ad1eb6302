package org.opencdp.localstack;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

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

    /** Its key database (libs/personal-data's wrapped subject keys, issue 9), e.g. "profile_keys". */
    public String keysDatabase() {
        return database() + "_keys";
    }

    /** The role a service connects to a database as: it owns nothing there (issue 9), e.g. "profile_app". */
    public static String applicationRole(String database) {
        return database + "_app";
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The realm role its service account holds (see k8s/keycloak/cdp-realm.json). */
    public String serviceAccountRole() {
        return "svc-" + shortName();
    }

    /** The secret of its confidential client in the local run (Keycloak reads it from {@link #clientSecretVariable()}). */
    public String localClientSecret() {
        return serviceName() + "-local-secret";
    }

    /**
     * The variable from which Keycloak sets its confidential client's secret at the realm import, e.g.
     * PROFILE_SERVICE_CLIENT_SECRET (the realm file holds the placeholder, never the secret).
     */
    public String clientSecretVariable() {
        return name() + "_SERVICE_CLIENT_SECRET";
    }

    /**
     * The services it calls with its service account; its client in the realm may ask for exactly their audiences
     * (docs/security.md, "Who calls whom").
     */
    public Set<Service> calls() {
        return switch (this) {
            case PROFILE -> EnumSet.of(BEHAVIOUR, TRACKING, CONSENT);
            case BEHAVIOUR, TRACKING -> EnumSet.of(CONSENT);
            case CONSENT -> EnumSet.of(BEHAVIOUR, TRACKING);
            case RETENTION -> EnumSet.allOf(Service.class);
        };
    }

    /** The variable through which the other services find this one, e.g. OPENCDP_PROFILE_URL. */
    public String urlVariable() {
        return "OPENCDP_" + name() + "_URL";
    }

    public Path jar(Path repoRoot) {
        return repoRoot.resolve(serviceName()).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
