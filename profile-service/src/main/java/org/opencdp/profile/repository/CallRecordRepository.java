package org.opencdp.profile.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.opencdp.profile.domain.CallRecord;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CallRecordRepository implements PanacheRepositoryBase<CallRecord, UUID> {}
