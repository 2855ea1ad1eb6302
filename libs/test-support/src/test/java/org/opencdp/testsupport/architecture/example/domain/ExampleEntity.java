package org.opencdp.testsupport.architecture.example.domain;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class ExampleEntity {

    @Id
    public UUID id;

    public String value;
}
