package org.opencdp.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceEnvironmentTest {

    @TempDir
    Path repo;

    @Test
    void aServiceGetsItsPortDatabaseClientSecretKeysAndTheOtherServicesOfItsOwnSuite() throws Exception {
        Files.createFile(repo.resolve("mvnw"));
        Files.createFile(repo.resolve("pom.xml"));
        StackLayout layout = StackLayout.forRepo(repo).withPorts(StackPorts.endToEnd());
        LocalSecrets secrets = LocalSecrets.loadOrCreate(layout.secretsFile());

        Map<String, String> env = new ServiceProcesses(layout).environment(Service.CONSENT, secrets);

        assertThat(env)
                .containsEntry("OPENCDP_HTTP_PORT", "18084")
                .containsEntry("OPENCDP_MANAGEMENT_PORT", "19084")
                .containsEntry("OPENCDP_DB_URL", "jdbc:postgresql://127.0.0.1:15433/consent")
                .containsEntry("OPENCDP_DB_USER", "consent_app")
                .containsEntry("OPENCDP_DB_PASSWORD", "cdp-local")
                .containsEntry("OPENCDP_DB_OWNER_USER", "cdp")
                .containsEntry("OPENCDP_KEYS_DB_URL", "jdbc:postgresql://127.0.0.1:15433/consent_keys")
                .containsEntry("OPENCDP_KEYS_DB_USER", "consent_keys_app")
                .containsEntry("OPENCDP_KEYS_DB_OWNER_USER", "cdp")
                .containsEntry("OPENCDP_OIDC_URL", "http://localhost:18180/realms/cdp")
                .containsEntry("OPENCDP_OIDC_PUBLIC_URL", "http://localhost:18180/realms/cdp")
                .containsEntry("OPENCDP_OIDC_ISSUER", "http://localhost:18180/realms/cdp")
                .containsEntry("OPENCDP_OIDC_CLIENT_SECRET", "consent-service-local-secret")
                .containsEntry("OPENCDP_PROFILE_URL", "http://localhost:18081")
                .containsEntry("OPENCDP_RETENTION_URL", "http://localhost:18085")
                .containsEntry("OPENCDP_SMTP_HOST", "127.0.0.1")
                .containsEntry("OPENCDP_SMTP_PORT", "12525")
                .containsEntry("OPENCDP_CONSENT_PUBLIC_BASE_URL", "http://localhost:18084")
                .containsKey("OPENCDP_CORS_ORIGINS")
                .containsEntry("MALLOC_ARENA_MAX", "2")
                .containsAllEntriesOf(secrets.environment())
                .doesNotContainKey("OPENCDP_TRACKING_DEMO_ORIGINS");
    }

    @Test
    void trackingServiceRegistersTheDemoSiteForBothDemoPages() throws Exception {
        Files.createFile(repo.resolve("mvnw"));
        Files.createFile(repo.resolve("pom.xml"));
        StackLayout layout = StackLayout.forRepo(repo).withPorts(StackPorts.endToEnd());
        LocalSecrets secrets = LocalSecrets.loadOrCreate(layout.secretsFile());

        Map<String, String> env = new ServiceProcesses(layout).environment(Service.TRACKING, secrets);

        assertThat(env)
                .containsEntry("OPENCDP_TRACKING_DEMO_ORIGINS", "http://localhost:18083,http://localhost:18084")
                .doesNotContainKey("OPENCDP_SMTP_HOST");
    }

    @Test
    void consentServiceServesTheBannerDemoAndRegistersTheDemoSiteForBothDemoPages() throws Exception {
        Files.createFile(repo.resolve("mvnw"));
        Files.createFile(repo.resolve("pom.xml"));
        StackLayout layout = StackLayout.forRepo(repo).withPorts(StackPorts.endToEnd());
        LocalSecrets secrets = LocalSecrets.loadOrCreate(layout.secretsFile());

        Map<String, String> env = new ServiceProcesses(layout).environment(Service.CONSENT, secrets);

        assertThat(env)
                .containsEntry("OPENCDP_CONSENT_DEMO_ORIGINS", "http://localhost:18083,http://localhost:18084")
                .containsEntry("OPENCDP_CONSENT_BANNER_DEMO_PAGE", "true");
    }

    @Test
    void aSuiteCanGiveEveryServiceSettingsOfItsOwnAndTheLocalRunGivesNone() throws Exception {
        Files.createFile(repo.resolve("mvnw"));
        Files.createFile(repo.resolve("pom.xml"));
        StackLayout local = StackLayout.forRepo(repo);
        StackLayout bench = local.withPorts(StackPorts.benchmark())
                .withServiceSettings(Map.of("OPENCDP_BULK_READ_LIMITS_SEARCH_CAPACITY", "100000000"));
        LocalSecrets secrets = LocalSecrets.loadOrCreate(local.secretsFile());

        assertThat(new ServiceProcesses(bench).environment(Service.PROFILE, secrets))
                .containsEntry("OPENCDP_BULK_READ_LIMITS_SEARCH_CAPACITY", "100000000")
                .containsEntry("OPENCDP_HTTP_PORT", "28081");
        assertThat(new ServiceProcesses(local).environment(Service.PROFILE, secrets))
                .doesNotContainKey("OPENCDP_BULK_READ_LIMITS_SEARCH_CAPACITY");
    }
}
