package org.opencdp.behaviour.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.opencdp.behaviour.domain.CustomerAttributes;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CustomerAttributesRepository implements PanacheRepositoryBase<CustomerAttributes, UUID> {}
