package org.opencdp.testsupport.architecture.example.repository;

import java.util.UUID;

import org.opencdp.testsupport.architecture.example.domain.ExampleEntity;

/** Allowed: storage of domain entities. */
public class ExampleRepository {

    public ExampleEntity find(UUID id) {
        ExampleEntity entity = new ExampleEntity();
        entity.id = id;
        return entity;
    }
}
