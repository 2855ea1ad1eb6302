package org.opencdp.publicsites;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

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
        return Jdbc.first(
                dataSource,
                "SELECT " + COLUMNS + " FROM public_site WHERE site_key = ?",
                PublicSiteRepository::site,
                siteKey);
    }

    public List<PublicSite> all() {
        return Jdbc.list(
                dataSource, "SELECT " + COLUMNS + " FROM public_site ORDER BY site_key", PublicSiteRepository::site);
    }

    /** Inserts the site; false if its key is taken. */
    public boolean insert(PublicSite site) {
        return Jdbc.update(
                        dataSource,
                        "INSERT INTO public_site (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?) "
                                + "ON CONFLICT (site_key) DO NOTHING",
                        site.id(),
                        site.siteKey(),
                        site.name(),
                        site.allowedOrigins().toArray(String[]::new),
                        site.requestsPerMinute(),
                        site.enabled(),
                        site.createdAt())
                == 1;
    }

    /** Changes everything but id, key and creation time; false if no site has the key. */
    public boolean replace(PublicSite site) {
        return Jdbc.update(
                        dataSource,
                        "UPDATE public_site SET name = ?, allowed_origins = ?, requests_per_minute = ?, enabled = ? "
                                + "WHERE site_key = ?",
                        site.name(),
                        site.allowedOrigins().toArray(String[]::new),
                        site.requestsPerMinute(),
                        site.enabled(),
                        site.siteKey())
                == 1;
    }

    public boolean delete(String siteKey) {
        return Jdbc.update(dataSource, "DELETE FROM public_site WHERE site_key = ?", siteKey) == 1;
    }

    private static PublicSite site(ResultSet rows) throws SQLException {
        return new PublicSite(
                Jdbc.uuid(rows, 1),
                rows.getString(2),
                rows.getString(3),
                Arrays.asList((String[]) rows.getArray(4).getArray()),
                rows.getInt(5),
                rows.getBoolean(6),
                Jdbc.instant(rows, 7));
    }
}
