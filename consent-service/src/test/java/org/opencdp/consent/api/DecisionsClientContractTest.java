package org.opencdp.consent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencdp.consent.api.ConsentFixtures.asService;
import static org.opencdp.consent.api.ConsentFixtures.grantByPhone;
import static org.opencdp.consent.api.ConsentFixtures.newVisitorId;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.opencdp.consentdecisions.DecisionsApi;
import org.opencdp.testsupport.WithPostgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The contract between this endpoint and its callers' library (libs/consent-decisions, used by profile-, behaviour-
 * and tracking-service): the library's request, as it puts it on the wire, is understood here, and what this
 * service answers reads back into the library's records with every field the callers rely on. The library ignores
 * unknown fields, so a renamed field would read as missing: each one is checked.
 */
@QuarkusTest
@WithPostgres
class DecisionsClientContractTest {

    @Inject
    ObjectMapper json;

    @Test
    void theCallersLibraryAsksAndReadsTheDecisionsThisServiceGives() throws JsonProcessingException {
        UUID subject = UUID.randomUUID();
        String visitor = newVisitorId();
        String granted = grantByPhone(subject.toString(), "personalisation");
        DecisionsApi.DecisionRequest request = new DecisionsApi.DecisionRequest(List.of(
                new DecisionsApi.WirePair(subject.toString(), null, "personalisation"),
                new DecisionsApi.WirePair(null, visitor, "web-analytics")));

        String answer = asService("behaviour-service")
                .body(json.writeValueAsString(request))
                .when()
                .post(DecisionResourceTest.DECISIONS)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<DecisionsApi.WireDecision> decisions =
                json.readValue(answer, DecisionsApi.DecisionResponse.class).decisions();

        assertThat(decisions)
                .containsExactly(
                        new DecisionsApi.WireDecision(
                                subject.toString(),
                                null,
                                "personalisation",
                                true,
                                "CONSENT",
                                UUID.fromString(granted),
                                "GRANTED"),
                        new DecisionsApi.WireDecision(
                                null, visitor, "web-analytics", false, "CONSENT", null, "NOT_GRANTED"));
    }
}
