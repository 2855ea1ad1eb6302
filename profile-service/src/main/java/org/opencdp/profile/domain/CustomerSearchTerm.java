package org.opencdp.profile.domain;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One blind-index entry: the keyed hash of a normalised name token, e-mail, phone number, company token or postcode. */
@Entity
@Table(name = "customer_search_term")
@IdClass(CustomerSearchTerm.Key.class)
public class CustomerSearchTerm {

    public enum Kind {
        NAME,
        EMAIL,
        PHONE,
        COMPANY,
        POSTCODE
    }

    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "term_kind")
    public Kind kind;

    @Id
    public byte[] hash;

    @Id
    @Column(name = "customer_id")
    public UUID customerId;

    public CustomerSearchTerm() {}

    public CustomerSearchTerm(Kind kind, byte[] hash, UUID customerId) {
        this.kind = kind;
        this.hash = hash;
        this.customerId = customerId;
    }

    public static class Key implements Serializable {
        public Kind kind;
        public byte[] hash;
        public UUID customerId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && kind == k.kind
                    && Arrays.equals(hash, k.hash)
                    && Objects.equals(customerId, k.customerId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, Arrays.hashCode(hash), customerId);
        }
    }
}
