package org.opencdp.bench;

import java.time.Duration;

/** One service's part of `make bench`: its loads, figures and targets, written to bench/results/{name}.md. */
interface Scenario {

    /** The name on the command line and of the report file: profile, consent, tracking, behaviour. */
    String name();

    /** The report's heading, e.g. "consent-service benchmark (issue 10)". */
    String title();

    /** How long it takes with the sizes and durations set, as printed before the run starts. */
    Duration expectedDuration();

    void run(BenchSuite suite, Report report) throws Exception;
}
