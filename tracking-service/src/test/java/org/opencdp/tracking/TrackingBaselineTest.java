package org.opencdp.tracking;

import org.opencdp.testsupport.ServiceBaselineTest;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TrackingBaselineTest extends ServiceBaselineTest {}
