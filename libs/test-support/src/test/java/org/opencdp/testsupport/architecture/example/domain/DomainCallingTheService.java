package org.opencdp.testsupport.architecture.example.domain;

import org.opencdp.testsupport.architecture.example.service.ExampleService;

/** Breaks theDomainStandsOnItsOwn. */
public class DomainCallingTheService {

    ExampleRecord reload(ExampleService service, ExampleRecord record) {
        return service.get(record.id());
    }
}
