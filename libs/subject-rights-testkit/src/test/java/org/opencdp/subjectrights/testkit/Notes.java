package org.opencdp.subjectrights.testkit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.opencdp.personaldata.PersonalDataCipher;
import org.opencdp.subjectrights.CategoryExport;
import org.opencdp.subjectrights.CategoryOutcome;
import org.opencdp.subjectrights.DataCategory;
import org.opencdp.subjectrights.RetentionCategories;
import org.opencdp.subjectrights.SubjectCategory;
import org.opencdp.subjectrights.SubjectDataHandler;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The test application's data: encrypted notes, and invoices that HGB §257 / AO §147 require to keep for eight
 * years (the legal-hold path of the contract).
 */
@ApplicationScoped
public class Notes implements SubjectDataHandler {

    static final LocalDate INVOICES_KEPT_UNTIL = LocalDate.of(2034, 12, 31);

    @Inject
    DataSource dataSource;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    ObjectMapper json;

    @Transactional
    public void add(UUID subjectId, String kind, String body) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("INSERT INTO note (subject_id, kind, body) VALUES (?, ?, ?)")) {
            s.setObject(1, subjectId);
            s.setString(2, kind);
            s.setBytes(3, cipher.encrypt(subjectId, "note.body", body));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<DataCategory> categories() {
        return List.of(
                new DataCategory(
                        "notes",
                        "Free-text notes",
                        "GDPR Art. 6(1)(b) contract",
                        "while a customer",
                        List.of("customer-relationship"),
                        List.of(SubjectCategory.CUSTOMERS),
                        RetentionCategories.INACTIVE_CUSTOMER_PROFILE),
                new DataCategory(
                        "invoices",
                        "Invoices",
                        "GDPR Art. 6(1)(c) legal obligation",
                        "8 years (HGB §257, AO §147)",
                        List.of("order-processing"),
                        List.of(SubjectCategory.CUSTOMERS),
                        RetentionCategories.BOOKING_VOUCHERS));
    }

    @Override
    public List<CategoryExport> export(UUID subjectId) {
        return List.of(exportOf(subjectId, "NOTE", "notes"), exportOf(subjectId, "INVOICE", "invoices"));
    }

    @Override
    public List<CategoryOutcome> erase(UUID subjectId) {
        long notes = delete(subjectId, "NOTE");
        long invoices = count(subjectId, "INVOICE");
        return List.of(
                CategoryOutcome.erased("notes", notes),
                invoices == 0
                        ? CategoryOutcome.erased("invoices", 0)
                        : CategoryOutcome.keptUnderLegalHold(
                                "invoices",
                                0,
                                invoices,
                                INVOICES_KEPT_UNTIL,
                                "HGB §257, AO §147 (booking vouchers, 8 years)"));
    }

    private CategoryExport exportOf(UUID subjectId, String kind, String category) {
        List<Map<String, String>> records = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("SELECT body FROM note WHERE subject_id = ? AND kind = ? ORDER BY id")) {
            s.setObject(1, subjectId);
            s.setString(2, kind);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    records.add(Map.of("body", cipher.decrypt(subjectId, "note.body", rs.getBytes(1))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new CategoryExport(category, records.size(), json.valueToTree(records));
    }

    private long delete(UUID subjectId, String kind) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM note WHERE subject_id = ? AND kind = ?")) {
            s.setObject(1, subjectId);
            s.setString(2, kind);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(UUID subjectId, String kind) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("SELECT count(*) FROM note WHERE subject_id = ? AND kind = ?")) {
            s.setObject(1, subjectId);
            s.setString(2, kind);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
