package org.opencdp.retention;

import org.opencdp.testsupport.ServiceBaselineTest;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RetentionBaselineTest extends ServiceBaselineTest {}
