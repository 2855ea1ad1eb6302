package org.opencdp.tracking.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.opencdp.jdbc.Jdbc;
import org.opencdp.subjectrights.RetentionBatches;
import org.opencdp.tracking.domain.ClickCount;
import org.opencdp.tracking.domain.PageDay;
import org.opencdp.tracking.domain.SiteDay;

/**
 * The daily aggregates: computed from one UTC day's raw events (by client time) and read by the reports. The raw
 * events of a day are found in the partitions received from a day before to two days after it (an event's client
 * time lies at most a day before and minutes after its receipt), so the computation touches those partitions only.
 */
@ApplicationScoped
public class AggregateRepository {

    private static final List<String> AGGREGATE_TABLES = List.of("site_day", "page_day", "click_day");

    @Inject
    RetentionBatches batches;

    /**
     * The day's browser events of sites, cut into sessions: per site and visitor in client-time order, a session
     * starts at the first event, when the tracker's session id changes, or after more than 30 minutes without an
     * event. Parameters: day start, day end, received from, received until.
     */
    private static final String SESSIONS = """
            WITH e AS (
                SELECT site_key, visitor_id, session_id, type, url, client_time, id, dwell_ms, scroll_depth, element
                FROM tracked_event
                WHERE site_key IS NOT NULL AND visitor_id IS NOT NULL
                  AND client_time >= ? AND client_time < ? AND received_at >= ? AND received_at < ?),
            marked AS (
                SELECT e.*, CASE WHEN lag(client_time) OVER w IS NULL
                                   OR client_time - lag(client_time) OVER w > interval '30 minutes'
                                   OR session_id IS DISTINCT FROM lag(session_id) OVER w THEN 1 ELSE 0 END AS starts
                FROM e WINDOW w AS (PARTITION BY site_key, visitor_id ORDER BY client_time, id)),
            s AS (
                SELECT marked.*, sum(starts) OVER (PARTITION BY site_key, visitor_id ORDER BY client_time, id) AS session_no
                FROM marked)
            """;

    private static final String SITE_DAY = SESSIONS + """
            , sessions AS (
                SELECT site_key, visitor_id, session_no,
                       count(DISTINCT url) FILTER (WHERE type = 'page_view') AS pages,
                       count(*) FILTER (WHERE type = 'page_view') AS views
                FROM s GROUP BY site_key, visitor_id, session_no)
            INSERT INTO site_day (day, site_key, visitors, sessions, bounced_sessions, page_views)
            SELECT ?::date, site_key, count(DISTINCT visitor_id), count(*) FILTER (WHERE pages > 0),
                   count(*) FILTER (WHERE pages = 1), sum(views)
            FROM sessions GROUP BY site_key""";

    private static final String PAGE_DAY = SESSIONS + """
            , visits AS (
                SELECT site_key, url,
                       count(*) FILTER (WHERE type = 'page_view') AS views,
                       sum(dwell_ms) FILTER (WHERE type = 'page_leave') AS dwell,
                       max(scroll_depth) FILTER (WHERE type = 'page_leave') AS scroll
                FROM s GROUP BY site_key, visitor_id, session_no, url)
            INSERT INTO page_day (day, site_key, url, page_views, measured_visits, dwell_ms_total, dwell_buckets,
                                  scroll_buckets)
            SELECT ?::date, site_key, url, sum(views), count(dwell), coalesce(sum(dwell), 0),
                   ARRAY[count(*) FILTER (WHERE dwell < 10000),
                         count(*) FILTER (WHERE dwell >= 10000 AND dwell < 30000),
                         count(*) FILTER (WHERE dwell >= 30000 AND dwell < 60000),
                         count(*) FILTER (WHERE dwell >= 60000 AND dwell < 180000),
                         count(*) FILTER (WHERE dwell >= 180000 AND dwell < 600000),
                         count(*) FILTER (WHERE dwell >= 600000)],
                   ARRAY[count(*) FILTER (WHERE scroll < 25),
                         count(*) FILTER (WHERE scroll >= 25 AND scroll < 50),
                         count(*) FILTER (WHERE scroll >= 50 AND scroll < 75),
                         count(*) FILTER (WHERE scroll >= 75)]
            FROM visits GROUP BY site_key, url
            HAVING sum(views) > 0 OR count(dwell) > 0""";

    private static final String CLICK_DAY = """
            INSERT INTO click_day (day, site_key, url, element, clicks)
            SELECT ?::date, site_key, url, element, count(*)
            FROM tracked_event
            WHERE type = 'click' AND site_key IS NOT NULL
              AND client_time >= ? AND client_time < ? AND received_at >= ? AND received_at < ?
            GROUP BY site_key, url, element""";

    /** The advisory lock's key: "tracking-aggregates", an arbitrary constant of this service. */
    private static final long AGGREGATES_LOCK = 0x7472_6163_6b61_6767L;

    @Inject
    DataSource dataSource;

    /** Computes the day's aggregates anew from the raw events. */
    @Transactional(TxType.MANDATORY)
    public void recompute(LocalDate day) {
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant receivedFrom = day.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant receivedUntil = day.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
        Jdbc.with(dataSource, c -> {
            // Replicas (and a report computing today) recompute one at a time, each the whole day anew.
            execute(c, "SELECT pg_advisory_xact_lock(?)", AGGREGATES_LOCK);
            for (String table : List.of("site_day", "page_day", "click_day")) {
                execute(c, "DELETE FROM " + table + " WHERE day = ?", day);
            }
            execute(c, SITE_DAY, start, end, receivedFrom, receivedUntil, day);
            execute(c, PAGE_DAY, start, end, receivedFrom, receivedUntil, day);
            return execute(c, CLICK_DAY, day, start, end, receivedFrom, receivedUntil);
        });
    }

    public List<SiteDay> siteDays(String siteKey, LocalDate from, LocalDate to) {
        return Jdbc.list(
                dataSource,
                "SELECT day, visitors, sessions, bounced_sessions, page_views FROM site_day "
                        + "WHERE site_key = ? AND day BETWEEN ? AND ? ORDER BY day",
                rows -> new SiteDay(
                        Jdbc.date(rows, 1), rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5)),
                siteKey,
                from,
                to);
    }

    /** The most viewed pages of the period, summed over its days. */
    public List<PageDay> topPages(String siteKey, LocalDate from, LocalDate to, int limit) {
        return Jdbc.list(
                dataSource,
                """
                SELECT url, sum(page_views), sum(measured_visits), sum(dwell_ms_total),
                       ARRAY[sum(dwell_buckets[1]), sum(dwell_buckets[2]), sum(dwell_buckets[3]),
                             sum(dwell_buckets[4]), sum(dwell_buckets[5]), sum(dwell_buckets[6])]::bigint[],
                       ARRAY[sum(scroll_buckets[1]), sum(scroll_buckets[2]), sum(scroll_buckets[3]),
                             sum(scroll_buckets[4])]::bigint[]
                FROM page_day WHERE site_key = ? AND day BETWEEN ? AND ?
                GROUP BY url ORDER BY sum(page_views) DESC, url LIMIT ?""",
                rows -> new PageDay(
                        rows.getString(1),
                        rows.getLong(2),
                        rows.getLong(3),
                        rows.getLong(4),
                        longs(rows.getArray(5).getArray()),
                        longs(rows.getArray(6).getArray())),
                siteKey,
                from,
                to,
                limit);
    }

    /** Clicks per element on these pages in the period. */
    public List<ClickCount> clicks(String siteKey, LocalDate from, LocalDate to, List<String> urls) {
        return Jdbc.list(
                dataSource,
                """
                SELECT url, element, sum(clicks) FROM click_day
                WHERE site_key = ? AND day BETWEEN ? AND ? AND url = ANY(?::text[])
                GROUP BY url, element ORDER BY url, sum(clicks) DESC, element""",
                rows -> new ClickCount(rows.getString(1), rows.getString(2), rows.getLong(3)),
                siteKey,
                from,
                to,
                urls.toArray(String[]::new));
    }

    private static int execute(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            Jdbc.bind(c, statement, parameters);
            if (!statement.execute()) {
                return statement.getUpdateCount();
            }
            return 0;
        }
    }

    private static List<Long> longs(Object array) {
        return Arrays.stream((Object[]) array)
                .map(value -> value == null ? 0L : ((Number) value).longValue())
                .toList();
    }

    /** How many aggregate rows (sites, pages, clicks) are of days before the given one. */
    public long countDaysBefore(LocalDate day) {
        long rows = 0;
        for (String table : AGGREGATE_TABLES) {
            rows += batches.count("SELECT count(*) FROM " + table + " WHERE day < ?", day);
        }
        return rows;
    }

    /** Deletes the aggregate rows of days before the given one, in batches of their own transactions. */
    public long deleteDaysBefore(LocalDate day) {
        long rows = 0;
        for (String table : AGGREGATE_TABLES) {
            rows += batches.deleteInBatches(
                    "DELETE FROM " + table + " WHERE ctid IN (SELECT ctid FROM " + table + " WHERE day < ? LIMIT ?)",
                    day);
        }
        return rows;
    }
}
