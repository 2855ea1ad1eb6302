package org.opencdp.testsupport.architecture.example.service;

import java.util.UUID;

import javax.sql.DataSource;

import org.opencdp.jdbc.Jdbc;

/** Not allowed: a service writing SQL itself instead of asking a repository. */
public class ServiceRunningSql {

    DataSource dataSource;

    public void delete(UUID id) {
        Jdbc.update(dataSource, "DELETE FROM example WHERE id = ?", id);
    }
}
