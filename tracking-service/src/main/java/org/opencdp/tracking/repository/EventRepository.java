package org.opencdp.tracking.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.opencdp.jdbc.Jdbc;
import org.opencdp.subjectrights.RetentionBatches;
import org.opencdp.tracking.domain.Holder;
import org.opencdp.tracking.domain.WebActivity;
import org.opencdp.tracking.domain.WebEvent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Raw web events. A batch is written in one statement (one round trip): the rows travel as one array per column
 * and are unnested on the server. The statement leaves out the rows collected under a revoked consent ledger entry
 * (and names those entries) and the rows whose (visitor, session, type, client time) is already stored, since the
 * tracker sends a batch again when an answer was lost.
 */
@ApplicationScoped
public class EventRepository {

    /**
     * The resend check looks for the first sending only where it can be: no earlier than its client time less the
     * look-back (the last parameters), and no later than this sending's receipt plus the same look-back (the first
     * was received before the resend; the slack covers another instance's clock running ahead), so run-time
     * partition pruning skips the older months and the months created ahead instead of probing the visitor index of
     * every month kept.
     */
    private static final String INSERT = """
            WITH n AS (
                SELECT * FROM unnest(?::uuid[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::uuid[], ?::text[], ?::text[], ?::timestamptz[], ?::int8[], ?::int2[], ?::text[], ?::text[],
                    ?::jsonb[], ?::text[], ?::int4[], ?::text[], ?::uuid[])
                AS n(id, received_at, site_key, type, visitor_id, session_id, subject_id, url, referrer, client_time,
                     dwell_ms, scroll_depth, element, name, properties, browser, browser_major, device_class,
                     consent_entry_id)),
            revoked AS (
                SELECT entry_id FROM revoked_consent_entry WHERE entry_id IN (SELECT consent_entry_id FROM n)),
            stored AS (
                INSERT INTO tracked_event (id, received_at, site_key, type, visitor_id, session_id, subject_id, url,
                    referrer, client_time, dwell_ms, scroll_depth, element, name, properties, browser, browser_major,
                    device_class, consent_entry_id)
                SELECT n.id, n.received_at, n.site_key, n.type, n.visitor_id, n.session_id, n.subject_id, n.url,
                    n.referrer, n.client_time, n.dwell_ms, n.scroll_depth, n.element, n.name, n.properties, n.browser,
                    n.browser_major, n.device_class, n.consent_entry_id
                FROM n
                WHERE n.consent_entry_id NOT IN (SELECT entry_id FROM revoked)
                  AND (n.visitor_id IS NULL OR n.session_id IS NULL OR NOT EXISTS (
                    SELECT 1 FROM tracked_event e
                    WHERE e.visitor_id = n.visitor_id AND e.client_time = n.client_time
                      AND e.session_id = n.session_id AND e.type = n.type
                      AND e.received_at >= n.client_time - ?::interval
                      AND e.received_at <= n.received_at + ?::interval))
                RETURNING id)
            SELECT id, false AS revoked FROM stored
            UNION ALL
            SELECT entry_id, true FROM revoked""";

    @Inject
    DataSource dataSource;

    @Inject
    RetentionBatches batches;

    @Inject
    ObjectMapper json;

    /** What an insert did: the ids of the events stored, and the revoked ledger entries it left events out for. */
    public record Inserted(Set<UUID> stored, Set<UUID> revokedEntries) {}

    /**
     * Stores the events (none twice in the list) but those under a revoked ledger
     * entry and those stored before (see {@link #INSERT}; {@code resendLookBack}: how long before its client time
     * an event's first sending can have been received). Runs under the revocation lock ({@link #lockAgainstRevocations}), so that the
     * revoked entries it sees cannot change before the commit.
     */
    @Transactional(TxType.MANDATORY)
    public Inserted insert(List<WebEvent> events, Duration resendLookBack) {
        if (events.isEmpty()) {
            return new Inserted(Set.of(), Set.of());
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement(INSERT)) {
            // Typed Java arrays (String[], Long[], Integer[]): the driver sends those in PostgreSQL's binary array
            // format, which the server takes without parsing and the driver builds without escaping; an Object[]
            // goes as an array literal in text. UUIDs and times go as text elements, cast by the statement.
            int p = 1;
            insert.setArray(p++, c.createArrayOf("text", texts(events, e -> e.id().toString())));
            insert.setArray(
                    p++,
                    c.createArrayOf("text", texts(events, e -> e.receivedAt().toString())));
            insert.setArray(p++, c.createArrayOf("text", texts(events, WebEvent::siteKey)));
            insert.setArray(
                    p++, c.createArrayOf("text", texts(events, e -> e.type().code())));
            insert.setArray(p++, c.createArrayOf("text", texts(events, WebEvent::visitorId)));
            insert.setArray(p++, c.createArrayOf("text", texts(events, WebEvent::sessionId)));
            insert.setArray(p++, c.createArrayOf("text", texts(events, e -> text(e.subjectId()))));
            insert.setArray(p++, c.createArrayOf("text", texts(events, WebEvent::url)));
            insert.setArray(p++, c.createArrayOf("text", texts(events, WebEvent::referrer)));
            insert.setArray(
                    p++,
                    c.createArrayOf("text", texts(events, e -> e.clientTime().toString())));
            insert.setArray(p++, c.createArrayOf("int8", column(events, new Long[events.size()], WebEvent::dwellMs)));
            insert.setArray(
                    p++, c.createArrayOf("int4", column(events, new Integer[events.size()], WebEvent::scrollDepth)));
            insert.setArray(p++, c.createArrayOf("text", texts(events, WebEvent::element)));
            insert.setArray(p++, c.createArrayOf("text", texts(events, WebEvent::name)));
            insert.setArray(p++, c.createArrayOf("text", texts(events, this::properties)));
            insert.setArray(
                    p++,
                    c.createArrayOf("text", texts(events, e -> e.userAgent().browser())));
            insert.setArray(
                    p++,
                    c.createArrayOf(
                            "int4",
                            column(
                                    events,
                                    new Integer[events.size()],
                                    e -> e.userAgent().majorVersion())));
            insert.setArray(
                    p++,
                    c.createArrayOf("text", texts(events, e -> e.userAgent().deviceClass())));
            insert.setArray(
                    p++,
                    c.createArrayOf(
                            "text", texts(events, e -> e.consentEntryId().toString())));
            // The look-back bounds the resend probe on both sides (lower and upper bound of received_at).
            String lookBack = resendLookBack.toSeconds() + " seconds";
            insert.setString(p++, lookBack);
            insert.setString(p++, lookBack);
            Set<UUID> stored = new HashSet<>(events.size() * 2);
            Set<UUID> revoked = new HashSet<>();
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    (rows.getBoolean(2) ? revoked : stored).add(rows.getObject(1, UUID.class));
                }
            }
            return new Inserted(stored, revoked);
        } catch (SQLException e) {
            throw Jdbc.failure("cannot store web events", e);
        }
    }

    /**
     * Deletes the events of the holder collected under these consent ledger entries; returns how many. An entry is
     * one holder's, and an event is collected under its holder's entry, so looking by holder (the per-visitor and
     * per-subject indexes) finds every such event without an index on the entry, which each insert would pay for.
     */
    @Transactional(TxType.MANDATORY)
    public int deleteCollectedUnder(Holder holder, Collection<UUID> entryIds) {
        return switch (holder.kind()) {
            case VISITOR ->
                update(
                        "DELETE FROM tracked_event WHERE visitor_id = ? AND consent_entry_id = ANY(?::uuid[])",
                        holder.id(),
                        entryIds.toArray());
            case SUBJECT ->
                update(
                        "DELETE FROM tracked_event WHERE subject_id = ?::uuid AND consent_entry_id = ANY(?::uuid[])",
                        holder.id(),
                        entryIds.toArray());
        };
    }

    /** Every event of the subject and of the visitors linked to it, oldest first, as stored. */
    public List<Map<String, Object>> eventsOf(UUID subjectId, List<String> visitorIds) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("""
                        SELECT id, received_at, site_key, type, visitor_id, session_id, subject_id, url, referrer,
                               client_time, dwell_ms, scroll_depth, element, name, properties::text AS properties,
                               browser, browser_major, device_class, consent_entry_id
                        FROM tracked_event WHERE subject_id = ? OR visitor_id = ANY(?::text[])
                        ORDER BY client_time, id""")) {
            select.setObject(1, subjectId);
            select.setArray(2, c.createArrayOf("text", visitorIds.toArray()));
            List<Map<String, Object>> events = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    Map<String, Object> event = new LinkedHashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        Object value = rows.getObject(i);
                        if (value instanceof Timestamp time) {
                            value = time.toInstant().toString();
                        }
                        event.put(rows.getMetaData().getColumnLabel(i), value);
                    }
                    events.add(event);
                }
            }
            return events;
        } catch (SQLException e) {
            throw Jdbc.failure("cannot read a subject's web events", e);
        }
    }

    /**
     * The web activity of a subject and its linked visitors: the time of the last event, the number of sessions
     * (cut as the daily aggregates cut them: per visitor, a new tracker session id or more than 30 minutes without
     * an event; a subject's server events count as one visitor of their own) and the most viewed pages.
     */
    public WebActivity activityOf(UUID subjectId, List<String> visitorIds, int topPages) {
        String events =
                "SELECT coalesce(visitor_id, subject_id::text) AS holder, session_id, type, url, client_time, id "
                        + "FROM tracked_event WHERE subject_id = ? OR visitor_id = ANY(?::text[])";
        String summary = "WITH e AS (" + events + "), marked AS ("
                + " SELECT e.*, CASE WHEN lag(client_time) OVER w IS NULL"
                + "   OR client_time - lag(client_time) OVER w > interval '30 minutes'"
                + "   OR session_id IS DISTINCT FROM lag(session_id) OVER w THEN 1 ELSE 0 END AS starts"
                + " FROM e WINDOW w AS (PARTITION BY holder ORDER BY client_time, id))"
                + " SELECT max(client_time), coalesce(sum(starts), 0) FROM marked";
        String pages = "WITH e AS (" + events + ") SELECT url, count(*) FROM e WHERE type = 'page_view' "
                + "GROUP BY url ORDER BY count(*) DESC, url LIMIT ?";
        try (Connection c = dataSource.getConnection();
                PreparedStatement totals = c.prepareStatement(summary);
                PreparedStatement top = c.prepareStatement(pages)) {
            for (PreparedStatement statement : List.of(totals, top)) {
                statement.setObject(1, subjectId);
                statement.setArray(2, c.createArrayOf("text", visitorIds.toArray()));
            }
            top.setInt(3, topPages);
            Instant lastVisit;
            long visits;
            try (ResultSet rows = totals.executeQuery()) {
                rows.next();
                Timestamp last = rows.getTimestamp(1);
                lastVisit = last == null ? null : last.toInstant();
                visits = rows.getLong(2);
            }
            List<WebActivity.PageViews> viewed = new ArrayList<>();
            try (ResultSet rows = top.executeQuery()) {
                while (rows.next()) {
                    viewed.add(new WebActivity.PageViews(rows.getString(1), rows.getLong(2)));
                }
            }
            return new WebActivity(lastVisit, visits, viewed);
        } catch (SQLException e) {
            throw Jdbc.failure("cannot read a subject's web activity", e);
        }
    }

    /** Deletes every event of the subject and of the visitors linked to it; returns how many. */
    @Transactional(TxType.MANDATORY)
    public int deleteOf(UUID subjectId, List<String> visitorIds) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement(
                        "DELETE FROM tracked_event WHERE subject_id = ? OR visitor_id = ANY(?::text[])")) {
            delete.setObject(1, subjectId);
            delete.setArray(2, c.createArrayOf("text", visitorIds.toArray()));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure("cannot delete a subject's web events", e);
        }
    }

    /** How many events were received before the moment (a retention cutoff). */
    public long countReceivedBefore(Instant before) {
        return batches.count("SELECT count(*) FROM tracked_event WHERE received_at < ?", before);
    }

    /** How many events were received in a month: the rows of its partition. */
    public long countReceivedIn(YearMonth month) {
        return batches.count(
                "SELECT count(*) FROM tracked_event WHERE received_at >= ? AND received_at < ?",
                month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** Deletes the events received before the moment, in batches of their own transactions; returns how many. */
    public long deleteReceivedBefore(Instant before) {
        return batches.deleteInBatches(
                "DELETE FROM tracked_event WHERE (id, received_at) IN"
                        + " (SELECT id, received_at FROM tracked_event WHERE received_at < ? LIMIT ?)",
                before);
    }

    /** Adds to the number of events refused for lack of consent on a day, per source. */
    @Transactional(TxType.MANDATORY)
    public void countRefused(LocalDate day, String source, int events) {
        update("""
                INSERT INTO refused_event_count (day, source, events) VALUES (?, ?, ?)
                ON CONFLICT (day, source) DO UPDATE SET events = refused_event_count.events + EXCLUDED.events""", day, source, events);
    }

    @Transactional(TxType.MANDATORY)
    public void rememberRevoked(Collection<UUID> entryIds, Instant at) {
        update("""
                INSERT INTO revoked_consent_entry (entry_id, revoked_at)
                SELECT unnest(?::uuid[]), ?::timestamptz ON CONFLICT (entry_id) DO NOTHING""", entryIds.toArray(), Timestamp.from(at));
    }

    /** Forgets revoked entries recorded before this time; returns how many. */
    @Transactional(TxType.MANDATORY)
    public int forgetRevokedBefore(Instant before) {
        return update("DELETE FROM revoked_consent_entry WHERE revoked_at < ?", Timestamp.from(before));
    }

    /**
     * Serialises storing batches against revocations: a batch holds this lock shared while it checks its entries
     * and writes, a revocation holds it exclusively while it records the revoked entries and deletes their events.
     * So a batch whose decision predates a revocation is either stored before the deletion (and deleted with the
     * rest) or sees the revoked entry and stores nothing under it. The lock is a statement of its own: a statement
     * reads with the snapshot taken when it starts, so the check of the entries must come in a later statement.
     */
    @Transactional(TxType.MANDATORY)
    public void lockAgainstRevocations(boolean exclusive) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement lock = c.prepareStatement(
                        exclusive ? "SELECT pg_advisory_xact_lock(?)" : "SELECT pg_advisory_xact_lock_shared(?)")) {
            lock.setLong(1, REVOCATION_LOCK);
            lock.execute();
        } catch (SQLException e) {
            throw Jdbc.failure("cannot take the revocation lock", e);
        }
    }

    /** The advisory lock's key: "tracking-revocation", an arbitrary constant of this service. */
    private static final long REVOCATION_LOCK = 0x7472_6163_6b72_6576L;

    private int update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object parameter = parameters[i];
                if (parameter instanceof Object[] array) {
                    statement.setArray(i + 1, c.createArrayOf("uuid", array));
                } else {
                    statement.setObject(i + 1, parameter);
                }
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure("cannot change web events", e);
        }
    }

    private String properties(WebEvent event) {
        if (event.properties() == null) {
            return null;
        }
        try {
            return json.writeValueAsString(event.properties());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event properties", e);
        }
    }

    private static <T> T[] column(List<WebEvent> events, T[] column, Function<WebEvent, T> value) {
        for (int i = 0; i < column.length; i++) {
            column[i] = value.apply(events.get(i));
        }
        return column;
    }

    private static String[] texts(List<WebEvent> events, Function<WebEvent, String> value) {
        return column(events, new String[events.size()], value);
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
