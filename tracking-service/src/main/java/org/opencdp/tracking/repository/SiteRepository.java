package org.opencdp.tracking.repository;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.tracking.domain.Site;

@ApplicationScoped
public class SiteRepository {

    private static final String COLUMNS = "site_key, name, allowed_origins, created_at";

    @Inject
    DataSource dataSource;

    public Optional<Site> find(String siteKey) {
        List<Site> found = query("SELECT " + COLUMNS + " FROM site WHERE site_key = ?", siteKey);
        return found.stream().findFirst();
    }

    public List<Site> all() {
        return query("SELECT " + COLUMNS + " FROM site ORDER BY site_key");
    }

    /** Inserts the site; false if its key is taken. */
    public boolean insert(Site site) {
        return update(
                        "INSERT INTO site (" + COLUMNS + ") VALUES (?, ?, ?, ?) ON CONFLICT (site_key) DO NOTHING",
                        site.siteKey(),
                        site.name(),
                        site.allowedOrigins(),
                        Timestamp.from(site.createdAt()))
                == 1;
    }

    public boolean replace(String siteKey, String name, List<String> allowedOrigins) {
        return update("UPDATE site SET name = ?, allowed_origins = ? WHERE site_key = ?", name, allowedOrigins, siteKey)
                == 1;
    }

    public boolean delete(String siteKey) {
        return update("DELETE FROM site WHERE site_key = ?", siteKey) == 1;
    }

    private List<Site> query(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement statement = prepare(c, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            List<Site> sites = new ArrayList<>();
            while (rows.next()) {
                sites.add(new Site(
                        rows.getString(1),
                        rows.getString(2),
                        Arrays.asList((String[]) rows.getArray(3).getArray()),
                        rows.getTimestamp(4).toInstant()));
            }
            return sites;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read sites", e);
        }
    }

    private int update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement statement = prepare(c, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot change sites", e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] instanceof List<?> list) {
                Array array = c.createArrayOf("text", list.toArray());
                statement.setArray(i + 1, array);
            } else {
                statement.setObject(i + 1, parameters[i]);
            }
        }
        return statement;
    }
}
