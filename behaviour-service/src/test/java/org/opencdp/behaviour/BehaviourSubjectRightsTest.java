package org.opencdp.behaviour;

import java.util.UUID;

import org.opencdp.behaviour.api.ProfileEventsResourceTest;
import org.opencdp.subjectrights.testkit.SubjectRightsContractTest;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BehaviourSubjectRightsTest extends SubjectRightsContractTest {

    @Override
    protected UUID givenASubjectWithData() {
        UUID subject = UUID.randomUUID();
        ProfileEventsResourceTest.deliver(ProfileEventsResourceTest.changed(subject, "35-44", "DE", "10"))
                .then()
                .statusCode(200);
        return subject;
    }
}
