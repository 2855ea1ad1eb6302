package org.opencdp.testsupport.architecture.example.repository;

import java.util.UUID;

import javax.sql.DataSource;

import org.opencdp.jdbc.Jdbc;
import org.opencdp.testsupport.architecture.example.domain.ExampleEntity;

/** Allowed: storage of domain entities, with SQL through libs/jdbc. */
public class ExampleRepository {

    DataSource dataSource;

    public ExampleEntity find(UUID id) {
        ExampleEntity entity = new ExampleEntity();
        entity.id = Jdbc.first(dataSource, "SELECT id FROM example WHERE id = ?", rs -> Jdbc.uuid(rs, 1), id)
                .orElse(id);
        return entity;
    }
}
