package org.opencdp.servicedefaults;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;

/**
 * Stops a production start whose database settings are missing from the environment with one line that names
 * each missing variable and what it is for.
 *
 * <p>In production the database URL, user and password come from the environment only (the defaults file gives
 * no default, so no password ships in an image). Without this check a missing one surfaces as an expression
 * Quarkus cannot expand, deep in a long stack trace. It is a config interceptor (registered in
 * {@code META-INF/services}) around expression expansion: when a datasource setting is the bare variable and has
 * no value, it throws a {@link ConfigurationException}, which Quarkus reports by its message alone.
 */
@Priority(Priorities.APPLICATION)
public class ProductionSettingsCheck implements ConfigSourceInterceptor {

    /** A setting production reads from an environment variable. */
    record Required(String property, String variable, String purpose) {}

    static final List<Required> DATABASE = List.of(
            new Required(
                    "quarkus.datasource.jdbc.url",
                    "OPENCDP_DB_URL",
                    "the JDBC URL of the service's own database, e.g. jdbc:postgresql://db:5432/profile"),
            new Required("quarkus.datasource.username", "OPENCDP_DB_USER", "the user the service logs in to it as"),
            new Required("quarkus.datasource.password", "OPENCDP_DB_PASSWORD", "that user's password"),
            // (issue 9, S2) the owner the migrations run as, and the key database of libs/personal-data
            new Required("quarkus.flyway.username", "OPENCDP_DB_OWNER_USER", "the owner the migrations run as"),
            new Required("quarkus.flyway.password", "OPENCDP_DB_OWNER_PASSWORD", "the owner's password"),
            new Required(
                    "quarkus.datasource.keys.jdbc.url",
                    "OPENCDP_KEYS_DB_URL",
                    "the JDBC URL of the service's key database, e.g. jdbc:postgresql://keys:5432/profile_keys"),
            new Required("quarkus.datasource.keys.username", "OPENCDP_KEYS_DB_USER", "the user of the key database"),
            new Required("quarkus.datasource.keys.password", "OPENCDP_KEYS_DB_PASSWORD", "its password"),
            new Required("quarkus.flyway.keys.username", "OPENCDP_KEYS_DB_OWNER_USER", "the key database's owner"),
            new Required("quarkus.flyway.keys.password", "OPENCDP_KEYS_DB_OWNER_PASSWORD", "the owner's password"));

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (DATABASE.stream().anyMatch(required -> required.property().equals(name) && isMissing(required, value))) {
            List<Required> missing = DATABASE.stream()
                    .filter(required -> isMissing(required, context.proceed(required.property())))
                    .toList();
            throw new ConfigurationException(message(missing));
        }
        return value;
    }

    static String message(List<Required> missing) {
        return "Cannot start: "
                + missing.stream()
                        .map(required -> required.variable() + " (" + required.purpose() + ")")
                        .collect(Collectors.joining(", "))
                + (missing.size() == 1 ? " is" : " are") + " not set. In production the database URLs, users and "
                + "passwords come from the environment only: set OPENCDP_DB_URL, OPENCDP_DB_USER and "
                + "OPENCDP_DB_PASSWORD, OPENCDP_DB_OWNER_USER and _PASSWORD, and the same for the key database "
                + "(OPENCDP_KEYS_DB_...) (the Helm chart sets them from the databases' Secrets).";
    }

    /**
     * Whether the active profile takes the setting from the bare variable, without a default (so in production),
     * and the variable is not set: the expression then has no value.
     */
    private static boolean isMissing(Required required, ConfigValue value) {
        return value != null
                && value.getValue() == null
                && ("${" + required.variable() + "}").equals(value.getRawValue());
    }
}
