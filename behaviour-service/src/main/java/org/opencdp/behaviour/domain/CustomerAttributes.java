package org.opencdp.behaviour.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A customer's segment attributes as profile-service last reported them. */
@Entity
@Table(name = "customer_attributes")
public class CustomerAttributes {

    @Id
    @Column(name = "subject_id")
    public UUID subjectId;

    public String kind;

    @Column(name = "age_band")
    public String ageBand;

    public String country;

    @Column(name = "postcode_region")
    public String postcodeRegion;

    public String language;

    @Column(name = "industry_code")
    public String industryCode;

    @Column(name = "company_size")
    public String companySize;

    @Column(name = "as_of")
    public Instant asOf;
}
