package org.opencdp.profile.domain;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A person who is a contact of a company, with the job title encrypted under the person's key. */
@Entity
@Table(name = "company_contact")
@IdClass(CompanyContact.Key.class)
public class CompanyContact {

    @Id
    @Column(name = "company_id")
    public UUID companyId;

    @Id
    @Column(name = "person_id")
    public UUID personId;

    @Column(name = "job_title")
    public byte[] encryptedJobTitle;

    public static class Key implements Serializable {
        public UUID companyId;
        public UUID personId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(companyId, k.companyId) && Objects.equals(personId, k.personId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(companyId, personId);
        }
    }
}
