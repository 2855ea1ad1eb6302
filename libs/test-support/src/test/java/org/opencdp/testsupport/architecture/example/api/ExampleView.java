package org.opencdp.testsupport.architecture.example.api;

/** Allowed: the api's own record. */
public record ExampleView(String value) {}
