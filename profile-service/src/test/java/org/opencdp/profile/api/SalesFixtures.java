package org.opencdp.profile.api;

import static org.opencdp.profile.api.CustomerFixtures.as;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.restassured.response.Response;

/** Request bodies and calls the lead and follow-up tests share. */
final class SalesFixtures {

    static final String LEADS = "/api/v1/leads";
    static final String FOLLOW_UPS = "/api/v1/follow-ups";

    private SalesFixtures() {}

    /** A person lead with a unique name, e-mail address and phone number. */
    static Map<String, Object> personLead() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> lead = new HashMap<>();
        lead.put("type", "PERSON");
        lead.put("salutation", "MS");
        lead.put("givenName", "Erika" + unique);
        lead.put("familyName", "Mustermann");
        lead.put("email", "erika." + unique + "@example.de");
        lead.put("phone", "0171 " + (1000000 + Math.floorMod(unique.hashCode(), 8999999)));
        lead.put("source", "TRADE_FAIR");
        return lead;
    }

    static Map<String, Object> companyLead() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> lead = new HashMap<>();
        lead.put("type", "COMPANY");
        lead.put("companyName", "Prospect " + unique + " GmbH");
        lead.put("email", "einkauf-" + unique + "@prospect.example");
        lead.put("source", "REFERRAL");
        return lead;
    }

    static Response createLead(Map<String, Object> lead) {
        return as("sales").body(lead).when().post(LEADS);
    }

    static UUID createdLead(Map<String, Object> lead) {
        return UUID.fromString(createLead(lead).then().statusCode(201).extract().path("id"));
    }

    static Response moveLead(UUID id, String stage) {
        return as("sales").body(Map.of("stage", stage)).when().put(LEADS + "/" + id + "/stage");
    }

    static Response convert(UUID id) {
        return as("sales").when().post(LEADS + "/" + id + "/conversion");
    }

    static Response createFollowUp(String role, UUID subjectId, LocalDate due, String note) {
        Map<String, Object> body = new HashMap<>();
        body.put("subjectId", subjectId.toString());
        body.put("dueDate", due.toString());
        body.put("note", note);
        return as(role).body(body).when().post(FOLLOW_UPS);
    }

    static UUID createdFollowUp(String role, UUID subjectId, LocalDate due, String note) {
        return UUID.fromString(createFollowUp(role, subjectId, due, note)
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
    }
}
