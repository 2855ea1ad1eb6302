package org.opencdp.consent;

import java.util.UUID;

import org.opencdp.subjectrights.testkit.SubjectRightsContractTest;
import org.opencdp.testsupport.PostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ConsentSubjectRightsTest extends SubjectRightsContractTest {

    @Override
    protected UUID givenASubjectWithData() {
        return UUID.randomUUID();
    }

    @Override
    protected boolean holdsPersonalData() {
        return false;
    }
}
