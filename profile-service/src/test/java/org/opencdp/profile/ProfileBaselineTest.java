package org.opencdp.profile;

import org.opencdp.testsupport.PostgresTestResource;
import org.opencdp.testsupport.ServiceBaselineTest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ProfileBaselineTest extends ServiceBaselineTest {
}
