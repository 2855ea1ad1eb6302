package org.opencdp.servicedefaults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * The check against the real defaults file, with the interceptor found the way Quarkus finds it (ServiceLoader).
 * The environment is a config source of the same names, as Quarkus reads environment variables.
 */
class ProductionSettingsCheckTest {

    private static final Map<String, String> DATABASE_ENVIRONMENT = Map.of(
            "OPENCDP_DB_URL", "jdbc:postgresql://db.internal:5432/profile",
            "OPENCDP_DB_USER", "profile",
            "OPENCDP_DB_PASSWORD", "s3cret",
            "OPENCDP_DB_OWNER_USER", "profile_owner",
            "OPENCDP_DB_OWNER_PASSWORD", "0wner",
            "OPENCDP_KEYS_DB_URL", "jdbc:postgresql://keys.internal:5432/profile_keys",
            "OPENCDP_KEYS_DB_USER", "profile_keys_app",
            "OPENCDP_KEYS_DB_PASSWORD", "k3ys",
            "OPENCDP_KEYS_DB_OWNER_USER", "profile_keys",
            "OPENCDP_KEYS_DB_OWNER_PASSWORD", "k3ys-0wner");

    @Test
    void productionTakesTheDatabaseSettingsFromTheEnvironment() throws IOException {
        SmallRyeConfig config = config("prod", DATABASE_ENVIRONMENT);

        assertThat(config.getValue("quarkus.datasource.jdbc.url", String.class))
                .isEqualTo("jdbc:postgresql://db.internal:5432/profile");
        assertThat(config.getValue("quarkus.datasource.username", String.class)).isEqualTo("profile");
        assertThat(config.getValue("quarkus.datasource.password", String.class)).isEqualTo("s3cret");
    }

    @Test
    void aMissingPasswordIsNamedWithWhatItIsForInOneMessageWithoutAStackOfCauses() throws IOException {
        Map<String, String> environment = new HashMap<>(DATABASE_ENVIRONMENT);
        environment.remove("OPENCDP_DB_PASSWORD");
        SmallRyeConfig config = config("prod", environment);

        assertThatThrownBy(() -> config.getValue("quarkus.datasource.password", String.class))
                .isInstanceOf(ConfigurationException.class)
                .hasNoCause()
                .hasMessageStartingWith("Cannot start: OPENCDP_DB_PASSWORD (that user's password) is not set.")
                .hasMessageNotContaining("OPENCDP_DB_USER (");
        assertThat(config.getValue("quarkus.datasource.username", String.class)).isEqualTo("profile");
    }

    @Test
    void everyMissingVariableIsNamedAtOnce() throws IOException {
        SmallRyeConfig config = config("prod", Map.of());

        assertThatThrownBy(() -> config.getValue("quarkus.datasource.jdbc.url", String.class))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("OPENCDP_DB_URL (the JDBC URL")
                .hasMessageContaining("OPENCDP_DB_USER (the user")
                .hasMessageContaining("OPENCDP_DB_PASSWORD (that user's password), ")
                .hasMessageContaining("OPENCDP_DB_OWNER_USER (the owner")
                .hasMessageContaining("OPENCDP_KEYS_DB_OWNER_PASSWORD (the owner's password) are not set");
    }

    @Test
    void productionHasNoDefaultPasswordButLocalDevelopmentHasOne() throws IOException {
        SmallRyeConfig dev = config("dev", Map.of("opencdp.database.name", "profile"));

        assertThat(dev.getValue("quarkus.datasource.jdbc.url", String.class))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5433/profile");
        assertThat(dev.getValue("quarkus.datasource.password", String.class)).isEqualTo("cdp-local");
        assertThat(defaults().getValue("%prod.quarkus.datasource.password")).isEqualTo("${OPENCDP_DB_PASSWORD}");
    }

    @Test
    void otherUnresolvableSettingsKeepTheirOwnError() throws IOException {
        SmallRyeConfig dev = config("dev", Map.of());

        // Local development defaults the URL but needs the service's database name.
        assertThatThrownBy(() -> dev.getValue("quarkus.datasource.jdbc.url", String.class))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("opencdp.database.name");
    }

    private static SmallRyeConfig config(String profile, Map<String, String> environment) throws IOException {
        return new SmallRyeConfigBuilder()
                .withProfile(profile)
                .addDiscoveredInterceptors()
                .withSources(defaults())
                .withSources(new MapBackedConfigSource("environment", environment, 300) {})
                .build();
    }

    private static PropertiesConfigSource defaults() throws IOException {
        return new PropertiesConfigSource(
                ProductionSettingsCheck.class.getResource("/META-INF/microprofile-config.properties"), 100);
    }
}
