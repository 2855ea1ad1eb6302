package org.opencdp.publicsites;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.jdbc.Jdbc;

/** The {@code public_site} table. */
@ApplicationScoped
public class PublicSiteRepository {

    private static final String COLUMNS =
            "id, site_key, name, allowed_origins, requests_per_minute, enabled, created_at";

    @Inject
    DataSource dataSource;

    public Optional<PublicSite> find(String siteKey) {
        return query("SELECT " + COLUMNS + " FROM public_site WHERE site_key = ?", siteKey).stream()
                .findFirst();
    }

    public List<PublicSite> all() {
        return query("SELECT " + COLUMNS + " FROM public_site ORDER BY site_key");
    }

    /** Inserts the site; false if its key is taken. */
    public boolean insert(PublicSite site) {
        return update(
                        "INSERT INTO public_site (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?) "
                                + "ON CONFLICT (site_key) DO NOTHING",
                        site.id(),
                        site.siteKey(),
                        site.name(),
                        site.allowedOrigins(),
                        site.requestsPerMinute(),
                        site.enabled(),
                        Timestamp.from(site.createdAt()))
                == 1;
    }

    /** Changes everything but id, key and creation time; false if no site has the key. */
    public boolean replace(PublicSite site) {
        return update(
                        "UPDATE public_site SET name = ?, allowed_origins = ?, requests_per_minute = ?, enabled = ? "
                                + "WHERE site_key = ?",
                        site.name(),
                        site.allowedOrigins(),
                        site.requestsPerMinute(),
                        site.enabled(),
                        site.siteKey())
                == 1;
    }

    public boolean delete(String siteKey) {
        return update("DELETE FROM public_site WHERE site_key = ?", siteKey) == 1;
    }

    private List<PublicSite> query(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement statement = prepare(c, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            List<PublicSite> sites = new ArrayList<>();
            while (rows.next()) {
                sites.add(new PublicSite(
                        rows.getObject(1, UUID.class),
                        rows.getString(2),
                        rows.getString(3),
                        Arrays.asList((String[]) rows.getArray(4).getArray()),
                        rows.getInt(5),
                        rows.getBoolean(6),
                        rows.getTimestamp(7).toInstant()));
            }
            return sites;
        } catch (SQLException e) {
            throw Jdbc.failure("cannot read public sites", e);
        }
    }

    private int update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement statement = prepare(c, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure("cannot change public sites", e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] instanceof List<?> list) {
                statement.setArray(i + 1, c.createArrayOf("text", list.toArray()));
            } else {
                statement.setObject(i + 1, parameters[i]);
            }
        }
        return statement;
    }
}
