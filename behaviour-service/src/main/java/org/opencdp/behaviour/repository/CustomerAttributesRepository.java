package org.opencdp.behaviour.repository;

import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.behaviour.domain.CustomerAttributes;
import org.opencdp.jdbc.Jdbc;

/** Each customer's segment attributes (customer_attributes), one row per customer. */
@ApplicationScoped
public class CustomerAttributesRepository {

    @Inject
    DataSource dataSource;

    public Optional<CustomerAttributes> find(UUID subjectId) {
        return Jdbc.first(
                dataSource,
                "SELECT kind, age_band, country, postcode_region, language,"
                        + " industry_code, company_size, as_of FROM customer_attributes WHERE subject_id = ?",
                rs -> new CustomerAttributes(
                        subjectId,
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        Jdbc.instant(rs, 8)),
                subjectId);
    }

    /**
     * Inserts the customer's attributes, or replaces the ones stored unless those are newer (a later {@code asOf}):
     * one statement, so a late, older change cannot overwrite a newer one between a read and a write. Whether the
     * attributes were stored.
     */
    public boolean saveUnlessNewerStored(CustomerAttributes attributes) {
        return Jdbc.update(
                        dataSource,
                        "INSERT INTO customer_attributes (subject_id, kind,"
                                + " age_band, country, postcode_region, language, industry_code, company_size, as_of)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                + " ON CONFLICT (subject_id) DO UPDATE SET kind = EXCLUDED.kind,"
                                + " age_band = EXCLUDED.age_band, country = EXCLUDED.country,"
                                + " postcode_region = EXCLUDED.postcode_region, language = EXCLUDED.language,"
                                + " industry_code = EXCLUDED.industry_code, company_size = EXCLUDED.company_size,"
                                + " as_of = EXCLUDED.as_of WHERE customer_attributes.as_of <= EXCLUDED.as_of",
                        attributes.subjectId(),
                        attributes.kind(),
                        attributes.ageBand(),
                        attributes.country(),
                        attributes.postcodeRegion(),
                        attributes.language(),
                        attributes.industryCode(),
                        attributes.companySize(),
                        attributes.asOf())
                > 0;
    }

    /** Whether there were attributes to delete. */
    public boolean delete(UUID subjectId) {
        return Jdbc.update(dataSource, "DELETE FROM customer_attributes WHERE subject_id = ?", subjectId) > 0;
    }
}
