package org.opencdp.localstack;

import java.util.EnumMap;
import java.util.Map;

/**
 * The ports one suite listens on. A second suite (the end-to-end tests while `make run` is up) takes the same
 * ports shifted by an offset, so both can run side by side.
 */
public record StackPorts(int postgres, int keycloak, int smtp, int mailbox, Map<Service, Integer> services) {

    public static final int DEFAULT_POSTGRES = 5433;
    public static final int DEFAULT_KEYCLOAK = 8180;
    /** The local mailbox's SMTP port: consent-service's default relay port (OPENCDP_SMTP_PORT). */
    public static final int DEFAULT_SMTP = 2525;
    /** The local mailbox's web page and REST API, where the developer reads what was sent. */
    public static final int DEFAULT_MAILBOX = 8025;
    /**
     * The end-to-end suite's offset: 15433, 18180, 12525, 18025, 18081 … 18085. The realm allows these redirect URIs
     * too.
     */
    public static final int E2E_OFFSET = 10000;
    /** The benchmarks' offset: 25433, 28180, 22525, 28025, 28081 … 28085, apart from both of the others. */
    public static final int BENCH_OFFSET = 20000;
    /**
     * A service's management port (health and metrics, never the API) is its API port plus this: 9081 … 9085 for
     * the local run, 19081 … for the end-to-end suite.
     */
    public static final int MANAGEMENT_OFFSET = 1000;

    public StackPorts {
        services = Map.copyOf(services);
        for (Service service : Service.values()) {
            if (!services.containsKey(service)) {
                throw new IllegalArgumentException("no port for " + service.serviceName());
            }
        }
    }

    public static StackPorts defaults() {
        Map<Service, Integer> services = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            services.put(service, service.defaultPort());
        }
        return new StackPorts(DEFAULT_POSTGRES, DEFAULT_KEYCLOAK, DEFAULT_SMTP, DEFAULT_MAILBOX, services);
    }

    public static StackPorts endToEnd() {
        return defaults().shiftedBy(E2E_OFFSET);
    }

    public static StackPorts benchmark() {
        return defaults().shiftedBy(BENCH_OFFSET);
    }

    public StackPorts shiftedBy(int offset) {
        Map<Service, Integer> shifted = new EnumMap<>(Service.class);
        services.forEach((service, port) -> shifted.put(service, checked(port + offset)));
        return new StackPorts(
                checked(postgres + offset),
                checked(keycloak + offset),
                checked(smtp + offset),
                checked(mailbox + offset),
                shifted);
    }

    public int of(Service service) {
        return services.get(service);
    }

    /** Where the service serves /q/health and /q/metrics. */
    public int managementOf(Service service) {
        return checked(of(service) + MANAGEMENT_OFFSET);
    }

    private static int checked(int port) {
        if (port < 1024 || port > 65535) {
            throw new LocalStackException(
                    "port offset leads to port " + port + ", outside 1024-65535; choose a smaller offset.");
        }
        return port;
    }
}
