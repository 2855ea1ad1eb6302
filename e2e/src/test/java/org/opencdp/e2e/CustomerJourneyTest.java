package org.opencdp.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencdp.clients.profile.ApiClient;
import org.opencdp.clients.profile.ApiException;
import org.opencdp.clients.profile.ApiResponse;
import org.opencdp.clients.profile.api.AuditTrailApi;
import org.opencdp.clients.profile.api.CustomersApi;
import org.opencdp.clients.profile.model.Address;
import org.opencdp.clients.profile.model.AddressType;
import org.opencdp.clients.profile.model.AuditEntry;
import org.opencdp.clients.profile.model.AuditTrailPage;
import org.opencdp.clients.profile.model.CompanyInput;
import org.opencdp.clients.profile.model.CompanySizeBand;
import org.opencdp.clients.profile.model.Customer;
import org.opencdp.clients.profile.model.CustomerInput;
import org.opencdp.clients.profile.model.CustomerPage;
import org.opencdp.clients.profile.model.EmailAddressInput;
import org.opencdp.clients.profile.model.Gender;
import org.opencdp.clients.profile.model.NewContact;
import org.opencdp.clients.profile.model.PaymentMethodInput;
import org.opencdp.clients.profile.model.PaymentMethodType;
import org.opencdp.clients.profile.model.PersonInput;
import org.opencdp.clients.profile.model.PhoneNumberInput;
import org.opencdp.clients.profile.model.PhoneType;
import org.opencdp.clients.profile.model.RevenuePotentialBand;
import org.opencdp.clients.profile.model.Salutation;
import org.opencdp.localstack.DemoUser;
import org.opencdp.localstack.Service;

/**
 * The customer master data as its users meet it, with real logins and through the Java client generated from
 * profile-service's OpenAPI document (module clients), as an integration team would use it: sales creates a person
 * and a company with a contact and finds them again; an edit from a stale copy is refused; marketing does not see
 * the payment method; the analyst and the dpo read no single customer, and the dpo sees every access;
 * behaviour-service learns the segment attributes through the outbox and forgets them when the customer is deleted.
 */
@WithLocalSuite
class CustomerJourneyTest {

    private static final Duration OUTBOX_DELIVERY = Duration.ofSeconds(30);

    private static E2eSuite suite;

    @BeforeAll
    static void connect(E2eSuite started) {
        suite = started;
    }

    @Test
    void salesCreatesAPersonAndACompanyWithAContactAndFindsThePersonByPhoneInThreeNotations() throws ApiException {
        CustomersApi sales = customers(DemoUser.SALES);
        String digits = randomDigits(7);
        ApiResponse<Customer> created = sales.createCustomerWithHttpInfo(new CustomerInput(person("0171 " + digits)));
        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(etag(created)).isEqualTo("\"0\"");
        Customer person = created.getData();

        for (String notation : List.of("0171 " + digits, "+49 171 " + digits, "0049 (171) " + digits)) {
            CustomerPage page = sales.searchCustomers(null, null, null, null, null, notation, null);
            assertThat(page.getItems()).extracting(Customer::getId).containsExactly(person.getId());
            assertThat(page.getItems().get(0).getPhones().get(0).getNumber()).isEqualTo("+49171" + digits);
        }

        Customer company = sales.createCustomer(new CustomerInput(company()));
        Customer contact = sales.createContact(
                company.getId().toString(),
                new NewContact().person(person("0172 " + randomDigits(7))).jobTitle("Head of Purchasing"));
        Customer companyAgain = sales.getCustomer(company.getId().toString());
        assertThat(companyAgain.getContacts())
                .singleElement()
                .satisfies(link -> assertThat(link.getJobTitle()).isEqualTo("Head of Purchasing"));
        assertThat(sales.getCustomer(contact.getId().toString()).getCompanies())
                .singleElement()
                .satisfies(link -> assertThat(link.getCustomerId()).isEqualTo(company.getId()));
    }

    @Test
    void anUpdateFromAStaleCopyGets412AndChangesNothing() throws ApiException {
        CustomersApi sales = customers(DemoUser.SALES);
        PersonInput person = person("0171 " + randomDigits(7));
        String id = sales.createCustomer(new CustomerInput(person)).getId().toString();
        ApiResponse<Customer> patched = sales.patchCustomerWithHttpInfo(id, Map.of("title", "Prof."), "\"0\"");
        assertThat(etag(patched)).isEqualTo("\"1\"");

        ApiException stale = catchThrowableOfType(
                ApiException.class, () -> sales.replaceCustomer(id, new CustomerInput(person), "\"0\""));

        assertThat(stale.getCode()).isEqualTo(412);
        assertThat(stale.getResponseHeaders().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(stale.getResponseBody()).contains("urn:opencdp:problem:precondition-failed");
        ApiResponse<Customer> current = sales.getCustomerWithHttpInfo(id);
        assertThat(current.getData().getTitle()).isEqualTo("Prof.");
        assertThat(etag(current)).isEqualTo("\"1\"");
    }

    @Test
    void marketingAndServiceDoNotSeeThePaymentMethodAndTheDpoSeesEveryAccess() throws ApiException {
        String id = customers(DemoUser.SALES)
                .createCustomer(new CustomerInput(person("0171 " + randomDigits(7))))
                .getId()
                .toString();

        assertThat(customers(DemoUser.SALES).getCustomer(id).getPreferredPaymentMethod())
                .isNotNull();
        // Marketing sees only customers with a direct-marketing consent (MarketingConsentTest): sales records one.
        ConsentRecords.grant(
                () -> suite.as(DemoUser.SALES, Service.CONSENT), "subjectId", id, "phone-marketing", "de", "PHONE");
        Customer asMarketing = customers(DemoUser.MARKETING).getCustomer(id);
        assertThat(asMarketing.getFamilyName()).isEqualTo("Mustermann");
        assertThat(asMarketing.getPreferredPaymentMethod()).isNull();
        assertThat(customers(DemoUser.SERVICE).getCustomer(id).getPreferredPaymentMethod())
                .isNull();
        ApiException forbidden = catchThrowableOfType(
                ApiException.class, () -> customers(DemoUser.DPO).getCustomer(id));
        assertThat(forbidden.getCode()).isEqualTo(403);
        ApiException forbiddenToAnalyst = catchThrowableOfType(
                ApiException.class, () -> customers(DemoUser.ANALYST).getCustomer(id));
        assertThat(forbiddenToAnalyst.getCode()).isEqualTo(403);

        AuditTrailPage trail = new AuditTrailApi(client(DemoUser.DPO)).getAuditTrail(UUID.fromString(id), null, null);
        assertThat(trail.getChainIntact()).isTrue();
        assertThat(trail.getEntries())
                .extracting(AuditEntry::getActor)
                .containsExactly("sales", "sales", "marketing", "service");
        assertThat(trail.getEntries())
                .extracting(AuditEntry::getAction)
                .containsExactly("customer.create", "customer.read", "customer.read", "customer.read");
    }

    @Test
    void behaviourServiceLearnsTheSegmentAttributesThroughTheOutboxAndForgetsThemOnDeletion() throws ApiException {
        CustomersApi sales = customers(DemoUser.SALES);
        String id = sales.createCustomer(new CustomerInput(person("0171 " + randomDigits(7))))
                .getId()
                .toString();

        await().atMost(OUTBOX_DELIVERY)
                .untilAsserted(() -> suite.asService(Service.RETENTION, Service.BEHAVIOUR)
                        .when()
                        .get("/api/v1/subject-rights/" + id)
                        .then()
                        .statusCode(200)
                        .body("categories.find { it.category == 'customer-attributes' }.records", equalTo(1))
                        .body(
                                "categories.find { it.category == 'customer-attributes' }.data[0].ageBand",
                                equalTo("35-44"))
                        .body("categories.find { it.category == 'customer-attributes' }.data[0].country", equalTo("DE"))
                        .body(
                                "categories.find { it.category == 'customer-attributes' }.data[0].postcodeRegion",
                                equalTo("51")));

        sales.deleteCustomer(id, "\"0\"");

        await().atMost(OUTBOX_DELIVERY)
                .untilAsserted(() -> suite.asService(Service.RETENTION, Service.BEHAVIOUR)
                        .when()
                        .get("/api/v1/subject-rights/" + id)
                        .then()
                        .statusCode(200)
                        .body("categories.find { it.category == 'customer-attributes' }.records", equalTo(0)));
        // Nothing the behaviour-service received names the person.
        suite.asService(Service.RETENTION, Service.BEHAVIOUR)
                .when()
                .get("/api/v1/subject-rights/" + id)
                .then()
                .body(not(org.hamcrest.Matchers.containsString("Mustermann")))
                .body("categories.category", hasItem("customer-attributes"));
    }

    private static CustomersApi customers(DemoUser user) {
        return new CustomersApi(client(user));
    }

    /** The generated client at this suite's profile-service, with the user's access token from the realm. */
    private static ApiClient client(DemoUser user) {
        String token = suite.keycloak().login(user);
        ApiClient client = new ApiClient();
        client.updateBaseUri(suite.url(Service.PROFILE));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private static String etag(ApiResponse<?> response) {
        List<String> etags = response.getHeaders().get("etag");
        return etags == null ? null : etags.get(0);
    }

    private static PersonInput person(String phone) {
        return new PersonInput()
                .type(PersonInput.TypeEnum.PERSON)
                .salutation(Salutation.MS)
                .givenName("Erika")
                .familyName("Mustermann")
                .birthDate(LocalDate.of(1984, 8, 12))
                .gender(Gender.FEMALE)
                .language("de")
                .addAddressesItem(new Address()
                        .type(AddressType.HOME)
                        .street("Heidestraße 17")
                        .postcode("51147")
                        .city("Köln")
                        .country("DE"))
                .addEmailsItem(new EmailAddressInput().address("erika." + randomDigits(6) + "@example.de"))
                .addPhonesItem(new PhoneNumberInput().number(phone).type(PhoneType.MOBILE))
                .preferredPaymentMethod(new PaymentMethodInput()
                        .type(PaymentMethodType.CREDIT_CARD)
                        .maskedReference("**** **** **** 4242"));
    }

    private static CompanyInput company() {
        return new CompanyInput()
                .type(CompanyInput.TypeEnum.COMPANY)
                .companyName("Musterbau " + randomDigits(4) + " GmbH")
                .industryCode("41.20")
                .companySize(CompanySizeBand.SMALL)
                .revenuePotential(RevenuePotentialBand.HIGH)
                .addAddressesItem(new Address()
                        .type(AddressType.OFFICE)
                        .street("Industriestraße 4")
                        .postcode("80331")
                        .city("München")
                        .country("DE"));
    }

    private static String randomDigits(int count) {
        StringBuilder digits = new StringBuilder();
        digits.append(ThreadLocalRandom.current().nextInt(1, 10));
        for (int i = 1; i < count; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        return digits.toString();
    }
}
