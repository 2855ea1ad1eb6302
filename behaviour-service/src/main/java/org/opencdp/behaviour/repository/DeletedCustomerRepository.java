package org.opencdp.behaviour.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.opencdp.behaviour.domain.DeletedCustomer;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class DeletedCustomerRepository implements PanacheRepositoryBase<DeletedCustomer, UUID> {}
