package org.opencdp.testsupport.architecture.example.repository;

import org.opencdp.testsupport.architecture.example.api.ExampleView;

/** Breaks onlyTheApiKnowsTheApi. */
public class RepositoryReturningAView {

    ExampleView find() {
        return new ExampleView("a");
    }
}
