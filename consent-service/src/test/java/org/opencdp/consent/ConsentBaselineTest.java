package org.opencdp.consent;

import org.opencdp.testsupport.ServiceBaselineTest;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ConsentBaselineTest extends ServiceBaselineTest {}
