package org.opencdp.tracking;

import java.util.UUID;

import org.opencdp.subjectrights.testkit.SubjectRightsContractTest;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TrackingSubjectRightsTest extends SubjectRightsContractTest {

    @Override
    protected UUID givenASubjectWithData() {
        return UUID.randomUUID();
    }

    @Override
    protected boolean holdsPersonalData() {
        return false;
    }
}
