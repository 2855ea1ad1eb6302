package org.opencdp.migrations;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.internal.resolver.ChecksumCalculator;
import org.flywaydb.core.internal.resource.classpath.ClassPathResource;
import org.jboss.logging.Logger;

/**
 * Whether a datasource's migrations would have nothing to do, found without Flyway: every history is read in one
 * query and compared with the migration files Quarkus recorded at build time. Only if every history holds exactly
 * its files (each versioned file applied once, successfully, with its description, script and Flyway's checksum;
 * no row Flyway would call failed, unknown, repeatable or of another kind; no history of an owner without files) is
 * Flyway skipped for the start. Any difference, and anything this check does not know (a setting other than
 * Flyway's defaults for file names, a repeatable or Java migration, a callback, an error reading), answers no: the
 * start then runs Flyway as before, which migrates under its lock or fails validation. So the check can only ever
 * skip work Flyway would have found to be none.
 *
 * <p>Reading without Flyway's lock is safe with several replicas: a migration commits its history row in the same
 * transaction as its changes (PostgreSQL's DDL is transactional), so a reader sees a migration either with its row
 * or not at all; a replica that reads while another migrates sees a file without its row, and takes Flyway's path,
 * which waits for the lock.
 */
public final class UpToDateCheck {

    /** Quarkus's name of the default datasource. */
    public static final String DEFAULT_DATASOURCE = "<default>";

    private static final Logger LOG = Logger.getLogger(UpToDateCheck.class);
    private static final Pattern TABLE_NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final String BASELINE_VERSION = "0";

    /** One history table and the classpath folders whose files it records. */
    record History(String table, List<String> folders) {

        static History of(MigrationOwner owner) {
            return new History(owner.table(), List.of(owner.location().getRootPath()));
        }

        boolean records(String file) {
            return folders.stream().anyMatch(folder -> file.startsWith(folder + "/"));
        }
    }

    private final String datasource;
    private final Config config;

    private UpToDateCheck(String datasource, Config config) {
        this.datasource = datasource;
        this.config = config;
    }

    public static UpToDateCheck of(String datasource) {
        return new UpToDateCheck(datasource, ConfigProvider.getConfig());
    }

    /**
     * For a datasource that one plain Flyway migrates (all its locations in one history, such as libs/personal-data's
     * key database): whether that Flyway would have nothing to do.
     */
    public boolean holds() {
        Optional<String> table = flywaySetting("table");
        List<String> folders =
                config.getOptionalValues(flywayKey("locations"), String.class).orElse(List.of("db/migration")).stream()
                        .map(location -> new Location(location.strip()).getRootPath())
                        .toList();
        return holds(List.of(new History(table.orElse("flyway_schema_history"), folders)));
    }

    /** For the owners of {@link OwnedMigrations}: whether every owner's migrations would have nothing to do. */
    boolean holdsFor(List<MigrationOwner> owners) {
        return holds(owners.stream().map(History::of).toList());
    }

    boolean holds(List<History> histories) {
        String difference;
        try {
            difference = difference(histories);
        } catch (SQLException | RuntimeException e) {
            difference = "the histories could not be read without it ("
                    + e.getClass().getSimpleName() + ")";
        }
        if (difference == null) {
            LOG.infof(
                    "Migrations of datasource %s are up to date: the histories of its %d migration owners match"
                            + " their files exactly, Flyway is not run",
                    datasource, histories.size());
            return true;
        }
        LOG.infof("Migrations of datasource %s go through Flyway: %s", datasource, difference);
        return false;
    }

    /** What differs from "nothing to do", or null if nothing does. */
    private String difference(List<History> histories) throws SQLException {
        String unsupported = unsupportedSetting();
        if (unsupported != null) {
            return unsupported;
        }
        Optional<Collection<String>> recorded = RecordedMigrationFiles.read();
        if (recorded.isEmpty()) {
            return "the migration files Quarkus recorded cannot be read, or there are Java migrations or callbacks";
        }
        for (History history : histories) {
            if (!TABLE_NAME.matcher(history.table()).matches()) {
                return "history table " + history.table() + " is not a plain lower-case name";
            }
        }
        try (Connection c = connectAsMigratingRole()) {
            Set<String> existing = existingTables(c, histories);
            Map<String, List<AppliedRow>> rows = appliedRows(c, histories, existing);
            for (History history : histories) {
                List<String> files = recorded.get().stream()
                        .filter(history::records)
                        .sorted()
                        .toList();
                String difference = difference(history, files, existing.contains(history.table()), rows);
                if (difference != null) {
                    return difference;
                }
            }
            return null;
        }
    }

    private String difference(History history, List<String> files, boolean exists, Map<String, List<AppliedRow>> rows) {
        if (files.isEmpty()) {
            return exists ? "history " + history.table() + " exists, but no migration file of it" : null;
        }
        if (!exists) {
            return "no history table " + history.table();
        }
        Map<String, VersionedFile> byVersion = new HashMap<>();
        for (String file : files) {
            VersionedFile versioned = VersionedFile.parse(file);
            if (versioned == null) {
                return file + " is not a versioned SQL migration (V<version>__<description>.sql)";
            }
            if (byVersion.put(versioned.version(), versioned) != null) {
                return "two files of version " + versioned.version();
            }
        }
        Set<String> applied = new HashSet<>();
        for (AppliedRow row : rows.getOrDefault(history.table(), List.of())) {
            if (!row.success()) {
                return history.table() + " records a failed migration, version " + row.version();
            }
            if ("BASELINE".equals(row.type()) && BASELINE_VERSION.equals(row.version())) {
                continue;
            }
            if (!"SQL".equals(row.type()) || row.version() == null) {
                return history.table() + " records a migration of type " + row.type() + ", version " + row.version();
            }
            VersionedFile file = byVersion.get(row.version());
            if (file == null) {
                return history.table() + " records version " + row.version() + ", which no migration file has";
            }
            if (!applied.add(row.version())) {
                return history.table() + " records version " + row.version() + " twice";
            }
            if (!file.description().equals(row.description()) || !file.script().equals(row.script())) {
                return history.table() + " records version " + row.version() + " with another description or script";
            }
            if (row.checksum() == null || file.checksum() != row.checksum()) {
                return "the checksum of " + file.script() + " differs from " + history.table();
            }
        }
        if (applied.size() < byVersion.size()) {
            return (byVersion.size() - applied.size()) + " migration(s) of " + history.table() + " pending";
        }
        return null;
    }

    /** Settings under which file names mean something else, or Flyway does more than this check knows. */
    private String unsupportedSetting() {
        if (flywaySetting("default-schema").isPresent()
                || flywaySetting("schemas").isPresent()) {
            return "a schema is configured for the history";
        }
        if (!flywaySetting("sql-migration-prefix").orElse("V").equals("V")
                || !flywaySetting("sql-migration-separator").orElse("__").equals("__")
                || !flywaySetting("sql-migration-suffixes").orElse(".sql").equals(".sql")) {
            return "migration file names other than Flyway's defaults are configured";
        }
        if (flywaySetting("username").isEmpty() || flywaySetting("password").isEmpty()) {
            return "no migrating role (quarkus.flyway username and password) is configured";
        }
        return null;
    }

    /** A session as the role Flyway migrates as, opened as Quarkus opens Flyway's (its init SQL included). */
    private Connection connectAsMigratingRole() throws SQLException {
        String url =
                flywaySetting("jdbc-url").orElseGet(() -> config.getValue(datasourceKey("jdbc.url"), String.class));
        Properties credentials = new Properties();
        credentials.setProperty("user", flywaySetting("username").orElseThrow());
        credentials.setProperty("password", flywaySetting("password").orElseThrow());
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (Driver driver : ServiceLoader.load(Driver.class, loader)) {
            if (driver.acceptsURL(url)) {
                Connection c = driver.connect(url, credentials);
                Optional<String> initSql = flywaySetting("init-sql");
                if (initSql.isPresent()) {
                    try (Statement statement = c.createStatement()) {
                        statement.execute(initSql.get());
                    } catch (SQLException e) {
                        c.close();
                        throw e;
                    }
                }
                return c;
            }
        }
        throw new SQLException("no JDBC driver for the datasource's URL");
    }

    private static Set<String> existingTables(Connection c, List<History> histories) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("""
                SELECT c.relname FROM pg_catalog.pg_class c
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname = ANY (?)""")) {
            query.setArray(
                    1,
                    c.createArrayOf(
                            "text",
                            histories.stream().map(History::table).distinct().toArray()));
            Set<String> existing = new HashSet<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    existing.add(result.getString(1));
                }
            }
            return existing;
        }
    }

    /** Every existing history's rows, in one query (the current schema's tables, as Flyway reads them). */
    private static Map<String, List<AppliedRow>> appliedRows(
            Connection c, List<History> histories, Set<String> existing) throws SQLException {
        List<String> selects = new ArrayList<>();
        for (String table : histories.stream().map(History::table).distinct().toList()) {
            if (existing.contains(table)) {
                selects.add("SELECT '" + table + "' AS history, version, description, type, script, checksum, success"
                        + " FROM \"" + table + "\"");
            }
        }
        Map<String, List<AppliedRow>> rows = new HashMap<>();
        if (selects.isEmpty()) {
            return rows;
        }
        // The tables were found in current_schema(); this reads them from there (search_path starts with it).
        try (Statement query = c.createStatement();
                ResultSet result = query.executeQuery(String.join(" UNION ALL ", selects))) {
            while (result.next()) {
                int checksum = result.getInt("checksum");
                rows.computeIfAbsent(result.getString("history"), table -> new ArrayList<>())
                        .add(new AppliedRow(
                                result.getString("version"),
                                result.getString("description"),
                                result.getString("type"),
                                result.getString("script"),
                                result.wasNull() ? null : checksum,
                                result.getBoolean("success")));
            }
        }
        return rows;
    }

    private Optional<String> flywaySetting(String name) {
        return config.getOptionalValue(flywayKey(name), String.class);
    }

    private String flywayKey(String name) {
        return DEFAULT_DATASOURCE.equals(datasource)
                ? "quarkus.flyway." + name
                : "quarkus.flyway." + datasource + "." + name;
    }

    private String datasourceKey(String name) {
        return DEFAULT_DATASOURCE.equals(datasource)
                ? "quarkus.datasource." + name
                : "quarkus.datasource." + datasource + "." + name;
    }

    private record AppliedRow(
            String version, String description, String type, String script, Integer checksum, boolean success) {}

    /**
     * A versioned SQL migration file as Flyway names it ({@code V<version>__<description>.sql}, underscores of the
     * description read as spaces), with the script and the checksum Flyway records for it: the same resource Quarkus
     * hands Flyway (its classpath path, UTF-8), checksummed by Flyway's own calculation.
     */
    record VersionedFile(String script, String version, String description) {

        static VersionedFile parse(String script) {
            String name = script.substring(script.lastIndexOf('/') + 1);
            if (!name.startsWith("V") || !name.endsWith(".sql")) {
                return null;
            }
            String versionAndDescription = name.substring(1, name.length() - ".sql".length());
            int separator = versionAndDescription.indexOf("__");
            if (separator <= 0) {
                return null;
            }
            String version = versionAndDescription.substring(0, separator).replace('_', '.');
            String description = versionAndDescription.substring(separator + 2).replace('_', ' ');
            return new VersionedFile(script, version, description);
        }

        int checksum() {
            return ChecksumCalculator.calculate(new ClassPathResource(
                    null, script, Thread.currentThread().getContextClassLoader(), StandardCharsets.UTF_8));
        }
    }
}
