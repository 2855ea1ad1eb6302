package org.opencdp.behaviour.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A tombstone: the customer was deleted in profile-service at this time. */
@Entity
@Table(name = "deleted_customer")
public class DeletedCustomer {

    @Id
    @Column(name = "subject_id")
    public UUID subjectId;

    @Column(name = "deleted_at")
    public Instant deletedAt;
}
