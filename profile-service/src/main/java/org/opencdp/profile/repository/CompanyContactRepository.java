package org.opencdp.profile.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.opencdp.profile.domain.CompanyContact;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CompanyContactRepository implements PanacheRepositoryBase<CompanyContact, CompanyContact.Key> {

    public List<CompanyContact> contactsOf(UUID companyId) {
        return list("companyId", companyId);
    }

    public List<CompanyContact> companiesOf(UUID personId) {
        return list("personId", personId);
    }
}
