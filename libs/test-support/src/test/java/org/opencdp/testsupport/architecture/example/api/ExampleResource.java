package org.opencdp.testsupport.architecture.example.api;

import java.util.UUID;

import org.opencdp.testsupport.architecture.example.domain.ExampleRecord;
import org.opencdp.testsupport.architecture.example.service.ExampleService;

/** Allowed: calls a service and maps its domain record to a view. */
public class ExampleResource {

    ExampleService service = new ExampleService();

    ExampleView get(UUID id) {
        ExampleRecord record = service.get(id);
        return new ExampleView(record.value());
    }
}
