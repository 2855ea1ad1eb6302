package org.opencdp.profile;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.opencdp.localstack.PostgresCluster;
import org.opencdp.personaldata.PersonalDataCipher;
import org.opencdp.personaldata.SubjectKeyDestroyedException;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The proof that erasure reaches backups (issue 9): a backup of profile-service's data database taken before an
 * erasure, restored after it and read with the current key database, gives back every customer except the erased
 * one. The backup is a real pg_dump of the data database; the key database is never in it.
 */
@QuarkusTest
@WithPostgres
class BackupAfterErasureTest {

    private static final String SCRATCH = "opencdp_test_restored";

    @Inject
    PersonalDataCipher cipher;

    @Test
    void aBackupRestoredAfterAnErasureStillOpensEveryoneButTheErasedSubject() throws Exception {
        UUID erased = createPerson("Erika", "Mustermann");
        UUID kept = createPerson("Max", "Mustermann");
        Path backup = Files.createTempFile("profile-backup", ".sql");
        try {
            pgDump(backup);
            given().auth()
                    .oauth2(TestTokens.serviceAccount("retention-service"))
                    .contentType(ContentType.JSON)
                    .body(Map.of("requestId", UUID.randomUUID().toString()))
                    .when()
                    .post("/api/v1/subject-rights/" + erased + "/erasure")
                    .then()
                    .statusCode(200);

            restoreIntoScratchDatabase(backup);
            Map<UUID, byte[]> restored = profilesIn(SCRATCH, List.of(erased, kept));

            // The backup holds no key at all: nothing in it, or in any data backup, can open the erased customer.
            assertThat(tablesIn(SCRATCH)).contains("customer").doesNotContain("subject_key");
            // The backup still holds both rows; only the kept customer's can be read with today's key database.
            assertThat(restored).containsOnlyKeys(erased, kept);
            assertThat(cipher.decrypt(kept, "customer.profile", restored.get(kept)))
                    .contains("Max");
            assertThatThrownBy(() -> cipher.decrypt(erased, "customer.profile", restored.get(erased)))
                    .isInstanceOf(SubjectKeyDestroyedException.class);
        } finally {
            Files.deleteIfExists(backup);
            dropScratchDatabase();
        }
    }

    private static UUID createPerson(String givenName, String familyName) {
        String id = given().auth()
                .oauth2(TestTokens.forRole("sales"))
                .contentType(ContentType.JSON)
                .body(Map.of("type", "PERSON", "givenName", givenName, "familyName", familyName))
                .when()
                .post("/api/v1/customers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return UUID.fromString(id);
    }

    /** What a backup job does: pg_dump of the data database, as its owner. */
    private static void pgDump(Path target) throws IOException, InterruptedException {
        URI url = URI.create(
                config().getValue("quarkus.datasource.jdbc.url", String.class).substring(5));
        run(List.of(
                PostgresCluster.program("pg_dump"),
                "--host=" + url.getHost(),
                "--port=" + url.getPort(),
                "--username=" + owner(),
                "--no-owner",
                "--no-privileges",
                "--file=" + target,
                url.getPath().substring(1)));
    }

    private static void restoreIntoScratchDatabase(Path backup) throws Exception {
        dropScratchDatabase();
        try (Connection c = connect(database());
                Statement statement = c.createStatement()) {
            statement.execute("CREATE DATABASE " + SCRATCH);
        }
        URI url = URI.create(jdbcUrl(SCRATCH).substring(5));
        run(List.of(
                PostgresCluster.program("psql"),
                "--host=" + url.getHost(),
                "--port=" + url.getPort(),
                "--username=" + owner(),
                "--dbname=" + SCRATCH,
                "--set=ON_ERROR_STOP=1",
                "--quiet",
                "--file=" + backup));
    }

    private static Map<UUID, byte[]> profilesIn(String database, List<UUID> ids) throws SQLException {
        try (Connection c = connect(database);
                PreparedStatement select = c.prepareStatement("SELECT id, profile FROM customer WHERE id = ANY(?)")) {
            select.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            Map<UUID, byte[]> profiles = new HashMap<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    profiles.put(rs.getObject(1, UUID.class), rs.getBytes(2));
                }
            }
            return profiles;
        }
    }

    private static List<String> tablesIn(String database) throws SQLException {
        try (Connection c = connect(database);
                Statement statement = c.createStatement();
                ResultSet rs = statement.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
            List<String> tables = new ArrayList<>();
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
            return tables;
        }
    }

    private static void dropScratchDatabase() throws SQLException {
        try (Connection c = connect(database());
                Statement statement = c.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + SCRATCH);
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", config().getValue("quarkus.flyway.password", String.class));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(command.get(0) + ": " + output).isZero();
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(
                jdbcUrl(database), owner(), config().getValue("quarkus.flyway.password", String.class));
    }

    private static String jdbcUrl(String database) {
        String url = config().getValue("quarkus.datasource.jdbc.url", String.class);
        return url.substring(0, url.lastIndexOf('/') + 1) + database;
    }

    private static String database() {
        String url = config().getValue("quarkus.datasource.jdbc.url", String.class);
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static String owner() {
        return config().getValue("quarkus.flyway.username", String.class);
    }

    private static Config config() {
        return ConfigProvider.getConfig();
    }
}
