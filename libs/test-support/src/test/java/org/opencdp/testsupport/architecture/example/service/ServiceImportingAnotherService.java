package org.opencdp.testsupport.architecture.example.service;

import org.opencdp.testsupport.architecture.otherservice.OtherServicesRecord;

/** Breaks servicesDoNotImportEachOther. */
public class ServiceImportingAnotherService {

    String read(OtherServicesRecord record) {
        return record.value();
    }
}
