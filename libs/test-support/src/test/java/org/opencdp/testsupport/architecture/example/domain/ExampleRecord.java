package org.opencdp.testsupport.architecture.example.domain;

import java.util.UUID;

/** What the service hands out: allowed everywhere. */
public record ExampleRecord(UUID id, String value) {}
