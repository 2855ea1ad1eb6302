package org.opencdp.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.api.Location;

/**
 * Who a Flyway location belongs to, and the history table that records what of it was applied: the service's own
 * migrations ({@code db/migration}) keep Flyway's table ({@code flyway_schema_history}); a library's
 * ({@code db/opencdp/<library>}) have {@code flyway_schema_history_<library>}.
 */
record MigrationOwner(String name, Location location, String table) {

    static final String SERVICE = "service";
    private static final Pattern SERVICE_PATH = Pattern.compile("(^|.*/)db/migration");
    private static final Pattern LIBRARY_PATH = Pattern.compile("(^|.*/)db/opencdp/([a-z][a-z0-9-]*)");
    private static final Pattern TABLE_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    boolean isService() {
        return SERVICE.equals(name);
    }

    /** The table's name as SQL: only lower-case letters, digits and underscores ever get here. */
    String quotedTable() {
        return '"' + table + '"';
    }

    /**
     * The owners of the configured locations in their order, which is the order they migrate in: every library
     * before the service, whose migrations may build on the libraries' tables but never the other way round.
     */
    static List<MigrationOwner> inOrder(List<String> locations, String serviceTable) {
        if (!TABLE_NAME.matcher(serviceTable).matches()) {
            throw new IllegalStateException(
                    "quarkus.flyway.table must be a plain lower-case name, not " + serviceTable);
        }
        List<MigrationOwner> owners = new ArrayList<>();
        for (String location : locations) {
            owners.add(of(new Location(location.strip()), serviceTable));
        }
        for (int i = 0; i < owners.size() - 1; i++) {
            if (owners.get(i).isService()) {
                throw new IllegalStateException("quarkus.flyway.locations must name db/migration last: the libraries'"
                        + " migrations run before the service's, whose tables may refer to theirs");
            }
        }
        if (owners.stream().map(MigrationOwner::table).distinct().count() < owners.size()) {
            throw new IllegalStateException("quarkus.flyway.locations names an owner twice: " + owners);
        }
        return owners;
    }

    private static MigrationOwner of(Location location, String serviceTable) {
        String path = location.getRootPath();
        if (SERVICE_PATH.matcher(path).matches()) {
            return new MigrationOwner(SERVICE, location, serviceTable);
        }
        Matcher library = LIBRARY_PATH.matcher(path);
        if (library.matches()) {
            String name = library.group(2);
            return new MigrationOwner(name, location, serviceTable + "_" + name.replace('-', '_'));
        }
        throw new IllegalStateException("quarkus.flyway.locations may name db/opencdp/<library> and db/migration only,"
                + " not " + location.getDescriptor() + ": each location is one owner with its own history");
    }
}
