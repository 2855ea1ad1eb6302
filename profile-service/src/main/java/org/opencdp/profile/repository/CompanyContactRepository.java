package org.opencdp.profile.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.jdbc.Jdbc;
import org.opencdp.profile.domain.CompanyContact;

/** The links between companies and their contact persons (table {@code company_contact}). */
@ApplicationScoped
public class CompanyContactRepository {

    private static final String SELECT = "SELECT company_id, person_id, job_title FROM company_contact";

    @Inject
    DataSource dataSource;

    public List<CompanyContact> contactsOf(UUID companyId) {
        return Jdbc.list(dataSource, SELECT + " WHERE company_id = ?", CompanyContactRepository::read, companyId);
    }

    public List<CompanyContact> companiesOf(UUID personId) {
        return Jdbc.list(dataSource, SELECT + " WHERE person_id = ?", CompanyContactRepository::read, personId);
    }

    public void insert(CompanyContact link) {
        Jdbc.update(
                dataSource,
                "INSERT INTO company_contact (company_id, person_id, job_title) VALUES (?, ?, ?)",
                link.companyId(),
                link.personId(),
                link.encryptedJobTitle());
    }

    /** Whether there was such a link. */
    public boolean delete(UUID companyId, UUID personId) {
        return Jdbc.update(
                        dataSource,
                        "DELETE FROM company_contact WHERE company_id = ? AND person_id = ?",
                        companyId,
                        personId)
                > 0;
    }

    private static CompanyContact read(ResultSet rs) throws SQLException {
        return new CompanyContact(Jdbc.uuid(rs, 1), Jdbc.uuid(rs, 2), rs.getBytes(3));
    }
}
