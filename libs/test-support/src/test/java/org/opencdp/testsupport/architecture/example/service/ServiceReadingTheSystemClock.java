package org.opencdp.testsupport.architecture.example.service;

import java.time.Instant;
import java.time.LocalDate;

/** Breaks timeComesFromTheInjectedClock, twice. */
public class ServiceReadingTheSystemClock {

    String stamp() {
        return Instant.now() + " " + LocalDate.now();
    }
}
