package org.opencdp.testsupport.architecture.example.service;

import org.opencdp.testsupport.architecture.example.api.ExampleView;

/** Breaks onlyTheApiKnowsTheApi. */
public class ServiceReturningAView {

    ExampleView get() {
        return new ExampleView("a");
    }
}
