package org.opencdp.testsupport.architecture.example.api;

import java.util.UUID;

import org.opencdp.testsupport.architecture.example.repository.ExampleRepository;

/** Breaks resourcesGoThroughServices (and, through the entity the repository returns, entitiesStayBehindTheService). */
public class ResourceUsingARepository {

    ExampleRepository repository = new ExampleRepository();

    Object get(UUID id) {
        return repository.find(id).id;
    }
}
