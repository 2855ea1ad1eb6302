package org.opencdp.tracking.repository;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The monthly partitions of {@code tracked_event}, named {@code tracked_event_YYYY_MM}. */
@ApplicationScoped
public class PartitionRepository {

    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyy_MM");
    private static final Pattern NAME = Pattern.compile("^tracked_event_(\\d{4})_(\\d{2})$");

    @Inject
    DataSource dataSource;

    public void ensure(YearMonth month) {
        // Values from a YearMonth only: no text from outside reaches this statement.
        execute("CREATE TABLE IF NOT EXISTS " + name(month) + " PARTITION OF tracked_event FOR VALUES FROM ('"
                + month.atDay(1) + " 00:00:00+00') TO ('" + month.plusMonths(1).atDay(1) + " 00:00:00+00')");
    }

    public void drop(YearMonth month) {
        execute("DROP TABLE IF EXISTS " + name(month));
    }

    public List<YearMonth> existing() {
        try (Connection c = dataSource.getConnection();
                Statement statement = c.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT child.relname FROM pg_inherits JOIN pg_class parent ON parent.oid = inhparent "
                                + "JOIN pg_class child ON child.oid = inhrelid WHERE parent.relname = 'tracked_event'")) {
            List<YearMonth> months = new ArrayList<>();
            while (rows.next()) {
                Matcher match = NAME.matcher(rows.getString(1));
                if (match.matches()) {
                    months.add(YearMonth.of(Integer.parseInt(match.group(1)), Integer.parseInt(match.group(2))));
                }
            }
            return months;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the event partitions", e);
        }
    }

    private static String name(YearMonth month) {
        return "tracked_event_" + month.format(SUFFIX);
    }

    private void execute(String sql) {
        try (Connection c = dataSource.getConnection();
                Statement statement = c.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot change the event partitions", e);
        }
    }
}
