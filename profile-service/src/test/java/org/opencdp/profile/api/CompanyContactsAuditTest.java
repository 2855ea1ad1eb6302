package org.opencdp.profile.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.opencdp.profile.api.CustomerFixtures.CUSTOMERS;
import static org.opencdp.profile.api.CustomerFixtures.as;
import static org.opencdp.profile.api.CustomerFixtures.company;
import static org.opencdp.profile.api.CustomerFixtures.created;
import static org.opencdp.profile.api.CustomerFixtures.person;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.opencdp.subjectrights.SubjectRestrictions;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A company's page shows its contact persons' names and job titles, and a person's page its companies' names:
 * each linked customer whose data is shown is recorded as read, and a restricted one is neither shown nor read.
 */
@QuarkusTest
@WithPostgres
class CompanyContactsAuditTest {

    private static final String READ = "GET /api/v1/customers/{id}";

    @Inject
    SubjectRestrictions restrictions;

    @Test
    void readingACompanyRecordsTheReadOfEachContactWhoseNameAndJobTitleItShows() {
        UUID companyId = created(company());
        UUID first = contactOf(companyId, "Head of Purchasing");
        UUID second = contactOf(companyId, "CEO");

        as("sales")
                .when()
                .get(CUSTOMERS + "/" + companyId)
                .then()
                .statusCode(200)
                .body("contacts", hasSize(2))
                .body("contacts.jobTitle", containsInAnyOrder("Head of Purchasing", "CEO"));

        assertThat(lastEntryOf(companyId)).isEqualTo("customer.read by sales.user for " + READ);
        for (UUID contact : List.of(first, second)) {
            assertThat(lastEntryOf(contact)).isEqualTo("customer.read-linked by sales.user for " + READ);
        }
    }

    @Test
    void aRestrictedContactIsShownWithoutNameOrJobTitleAndItsReadIsNotRecorded() {
        UUID companyId = created(company());
        UUID restricted = contactOf(companyId, "Head of Purchasing");
        UUID visible = contactOf(companyId, "CEO");
        restrictions.restrict(
                restricted,
                SubjectRestrictions.Basis.ART18_REQUEST,
                UUID.randomUUID(),
                LocalDate.now().plusDays(30));
        long restrictedEntries = entriesOf(restricted);

        as("sales")
                .when()
                .get(CUSTOMERS + "/" + companyId)
                .then()
                .statusCode(200)
                .body("contacts.find { it.customerId == '" + restricted + "' }.name", nullValue())
                .body("contacts.find { it.customerId == '" + restricted + "' }.jobTitle", nullValue())
                .body("contacts.find { it.customerId == '" + visible + "' }.jobTitle", equalTo("CEO"));

        assertThat(entriesOf(restricted)).isEqualTo(restrictedEntries);
        assertThat(lastEntryOf(visible)).isEqualTo("customer.read-linked by sales.user for " + READ);
    }

    @Test
    void readingAPersonRecordsTheReadOfTheCompanyWhoseNameItShows() {
        UUID companyId = created(company());
        UUID person = contactOf(companyId, "CEO");

        as("service")
                .when()
                .get(CUSTOMERS + "/" + person)
                .then()
                .statusCode(200)
                .body("companies[0].customerId", equalTo(companyId.toString()))
                .body("companies[0].name", org.hamcrest.Matchers.notNullValue());

        assertThat(lastEntryOf(person)).isEqualTo("customer.read by service.user for " + READ);
        assertThat(lastEntryOf(companyId)).isEqualTo("customer.read-linked by service.user for " + READ);
    }

    @Test
    void creatingAContactRecordsTheReadOfTheCompanyNameTheAnswerShows() {
        UUID companyId = created(company());

        UUID person = contactOf(companyId, "CEO");

        assertThat(lastEntryOf(person))
                .isEqualTo("customer.create by sales.user for POST /api/v1/customers/{companyId}/contacts");
        assertThat(lastEntryOf(companyId))
                .isEqualTo("customer.read-linked by sales.user for POST /api/v1/customers/{companyId}/contacts");
    }

    private static UUID contactOf(UUID companyId, String jobTitle) {
        String location = as("sales")
                .body(Map.of("person", person(), "jobTitle", jobTitle))
                .when()
                .post(CUSTOMERS + "/" + companyId + "/contacts")
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    private static String lastEntryOf(UUID subject) {
        Map<String, Object> entry = TestDatabase.rows(
                        "SELECT actor, action, purpose FROM audit_entry WHERE subject_id = ? ORDER BY id DESC LIMIT 1",
                        subject)
                .get(0);
        return entry.get("action") + " by " + entry.get("actor") + " for " + entry.get("purpose");
    }

    private static long entriesOf(UUID subject) {
        return TestDatabase.count("SELECT count(*) FROM audit_entry WHERE subject_id = ?", subject);
    }
}
