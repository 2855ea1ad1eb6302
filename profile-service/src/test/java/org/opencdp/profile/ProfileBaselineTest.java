package org.opencdp.profile;

import org.opencdp.testsupport.ServiceBaselineTest;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ProfileBaselineTest extends ServiceBaselineTest {}
