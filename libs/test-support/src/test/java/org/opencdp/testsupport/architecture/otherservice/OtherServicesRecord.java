package org.opencdp.testsupport.architecture.otherservice;

/** Stands for a class of another service. */
public record OtherServicesRecord(String value) {}
