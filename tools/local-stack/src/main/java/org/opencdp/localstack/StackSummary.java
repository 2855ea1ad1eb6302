package org.opencdp.localstack;

import java.nio.file.Path;

/** What a person needs after the start: where everything is, how to log in, how to stop. */
final class StackSummary {

    private final StackLayout layout;
    private final Path postgresDir;

    StackSummary(StackLayout layout, Path postgresDir) {
        this.layout = layout;
        this.postgresDir = postgresDir;
    }

    String text() {
        StringBuilder out = new StringBuilder();
        out.append("\nServices (Swagger UI: click Authorize, then log in at Keycloak with a demo login):\n");
        for (Service service : Service.values()) {
            out.append(String.format(
                    "  %-18s %s/q/swagger-ui   health and metrics: %s/q/health, /q/metrics%n",
                    service.serviceName(), layout.serviceUrl(service), layout.managementUrl(service)));
        }
        out.append(String.format(
                "%nKeycloak           %s  realm `%s`; admin console %s/admin (login %s / %s)%n",
                layout.keycloakUrl(),
                KeycloakServer.REALM,
                layout.keycloakUrl(),
                KeycloakServer.ADMIN_USER,
                KeycloakServer.ADMIN_PASSWORD));
        out.append("                   The realm is imported afresh from ")
                .append(relative(layout.realmFile()))
                .append(" and ")
                .append(relative(layout.localRealmOverlay()))
                .append(" at every start: admin-console changes last until the next stop.\n");
        out.append(String.format(
                "Mailbox            %s  every mail the suite sends (SMTP 127.0.0.1:%d), e.g. the double opt-in"
                        + " links; %s/api/user/<address>/messages/INBOX lists one recipient's mails%n",
                layout.mailboxUrl(), layout.ports().smtp(), layout.mailboxUrl()));
        out.append(String.format(
                "PostgreSQL         127.0.0.1:%d, user %s, password %s, per service a database and a key database"
                        + " (<service>_keys); the services connect as <database>_app%n",
                layout.ports().postgres(), PostgresCluster.SUPERUSER, LocalStack.DATABASE_PASSWORD));
        out.append(String.format("%nDemo logins (password `%s`), one per role:%n", DemoUser.PASSWORD));
        for (DemoUser user : DemoUser.values()) {
            out.append(String.format("  %-10s %s%n", user.username(), user.may()));
        }
        out.append(String.format(
                "Demo shop system: client `%s`, secret `%s` (client credentials; scope names the service "
                        + "called, e.g. scope=behaviour-service)%n",
                DemoShop.CLIENT_ID, DemoShop.SECRET));
        out.append(String.format(
                "%nLogs: %s/<service>.log and keycloak.log; PostgreSQL: %s/server.log%n",
                relative(layout.logsDir()), relative(postgresDir)));
        out.append(String.format(
                "Data: the database cluster in %s, the personal-data keys in %s%n",
                relative(postgresDir), relative(layout.secretsFile())));
        out.append("Stop everything with `make stop`; `make status` shows what runs; `make reset` deletes the data.");
        return out.toString();
    }

    private String relative(Path path) {
        return path.startsWith(layout.repoRoot())
                ? layout.repoRoot().relativize(path).toString()
                : path.toString();
    }
}
