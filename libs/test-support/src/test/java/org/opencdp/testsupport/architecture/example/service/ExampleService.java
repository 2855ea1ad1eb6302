package org.opencdp.testsupport.architecture.example.service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.opencdp.testsupport.architecture.example.domain.ExampleEntity;
import org.opencdp.testsupport.architecture.example.domain.ExampleRecord;
import org.opencdp.testsupport.architecture.example.repository.ExampleRepository;

/** Allowed: takes and returns domain values, uses the repository and entities, reads the time from a clock. */
public class ExampleService {

    ExampleRepository repository = new ExampleRepository();
    Clock clock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);

    public ExampleRecord get(UUID id) {
        ExampleEntity entity = repository.find(id);
        return new ExampleRecord(entity.id, Instant.now(clock).toString());
    }
}
