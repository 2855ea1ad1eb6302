package org.opencdp.retention.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencdp.retention.api.Requests.BASE;
import static org.opencdp.retention.api.Requests.asDpo;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Which services take part comes from configuration plus their declared capabilities, never from the request type
 * in code: with retention-service as the only participant, an erasure reaches it (every service honours erasure),
 * while a rectification or an objection is refused, because retention-service declares neither.
 */
@QuarkusTest
@WithPostgres
@TestProfile(ParticipantsByRightTest.OnlyRetentionService.class)
class ParticipantsByRightTest {

    public static class OnlyRetentionService implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("opencdp.subject-rights.participants", "retention");
        }
    }

    @Test
    void anErasureReachesEveryConfiguredParticipant() {
        String id = Requests.file("ERASURE", UUID.randomUUID(), Requests.today());
        assertThat(Requests.verify(id).getList("tasks.participant")).containsExactly("retention");
    }

    @Test
    void aRightNoParticipantDeclaresIsRefusedAndNothingIsStored() {
        String objection = Requests.file("OBJECTION", UUID.randomUUID(), Requests.today());
        String rectification = asDpo().body(Map.of(
                        "type",
                        "RECTIFICATION",
                        "subjectId",
                        UUID.randomUUID().toString(),
                        "channel",
                        "MAIL",
                        "receivedOn",
                        Requests.today().toString(),
                        "rectification",
                        Map.of("familyName", "Schmidt")))
                .when()
                .post(BASE)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        for (String id : new String[] {objection, rectification}) {
            asDpo().body(Map.of(
                            "verifiedBy", "dpo Jana Weber", "method", "CALLBACK", "verifiedAt", "2026-01-01T09:00:00Z"))
                    .when()
                    .post(BASE + "/" + id + "/verification")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json");
            JsonPath request = Requests.get(id);
            assertThat(request.getString("state")).isEqualTo("RECEIVED");
            assertThat(request.getList("tasks")).isEmpty();
        }
    }
}
