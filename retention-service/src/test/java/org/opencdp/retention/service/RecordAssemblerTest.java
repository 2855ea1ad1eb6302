package org.opencdp.retention.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencdp.retention.domain.CatalogPurpose;
import org.opencdp.retention.domain.RecordOfProcessing;
import org.opencdp.retention.domain.RecordOfProcessing.Activity;
import org.opencdp.retention.domain.RetentionPolicy;
import org.opencdp.subjectrights.DataCategory;
import org.opencdp.subjectrights.SubjectCategory;

/** How the record is put together from its sources, each given here as the running system would answer it. */
class RecordAssemblerTest {

    static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

    static final RecordAssembler.Declared TRACKING = new RecordAssembler.Declared(
            "tracking-service",
            List.of(new DataCategory(
                    "web-events",
                    "Page views",
                    "GDPR Art. 6(1)(a) consent",
                    "13 months",
                    List.of("web-analytics"),
                    List.of(SubjectCategory.WEBSITE_VISITORS),
                    "tracking-raw-events")));

    static final RecordAssembler.Declared BEHAVIOUR = new RecordAssembler.Declared(
            "behaviour-service",
            List.of(
                    new DataCategory(
                            "orders",
                            "Orders",
                            "GDPR Art. 6(1)(b) contract; Art. 6(1)(c) statutory retention",
                            "8 years",
                            List.of("order-processing"),
                            List.of(SubjectCategory.CUSTOMERS),
                            "booking-vouchers"),
                    new DataCategory(
                            "carts",
                            "Carts",
                            "GDPR Art. 6(1)(b) contract",
                            "30 days",
                            List.of("order-processing"),
                            List.of(SubjectCategory.CUSTOMERS, SubjectCategory.LEADS),
                            "shoe-boxes")));

    static final List<RetentionPolicy> POLICIES = List.of(
            policy("tracking-raw-events", "P13M", false, "GDPR Art. 5(1)(e)"),
            policy("booking-vouchers", "P8Y", true, "AO §147, HGB §257"),
            policy("audit-trail", "P3Y", true, "GDPR Art. 5(2)"));

    @Test
    void eachPurposeGathersItsDataAcrossServicesWithThePolicyThatGovernsIt() {
        RecordOfProcessing record = RecordAssembler.assemble(
                NOW,
                Settings.DEMO,
                List.of(TRACKING, BEHAVIOUR),
                List.of(),
                List.of(new CatalogPurpose("web-analytics", "CONSENT", false)),
                POLICIES);

        assertThat(record.activities())
                .extracting(Activity::purpose)
                .containsExactly("order-processing", "web-analytics");
        Activity analytics = record.activities().get(1);
        assertThat(analytics.legalBasis()).isEqualTo("GDPR Art. 6(1)(a) consent");
        assertThat(analytics.legalBasisSource()).isEqualTo("purpose catalog");
        assertThat(analytics.subjectCategories()).containsExactly(SubjectCategory.WEBSITE_VISITORS);
        assertThat(analytics.personalData().getFirst().period()).isEqualTo("P13M");
        assertThat(analytics.processors()).isEmpty();

        Activity orders = record.activities().getFirst();
        assertThat(orders.legalBasisSource()).isEqualTo("declared by the services");
        assertThat(orders.legalBasis())
                .isEqualTo("GDPR Art. 6(1)(b) contract; Art. 6(1)(c) statutory retention; GDPR Art. 6(1)(b) contract");
        assertThat(orders.subjectCategories()).containsExactly(SubjectCategory.CUSTOMERS, SubjectCategory.LEADS);
        assertThat(orders.personalData().getFirst().legalReference()).isEqualTo("AO §147, HGB §257");
        assertThat(orders.personalData().getFirst().roundToEndOfYear()).isTrue();
        assertThat(orders.processors())
                .extracting(RecordOfProcessing.Processor::name)
                .containsExactly("Ticket");
        assertThat(orders.thirdCountryTransfers())
                .extracting(RecordOfProcessing.Transfer::country)
                .containsExactly("US");
        assertThat(orders.internalServices()).containsExactly("behaviour-service");

        assertThat(record.gaps())
                .containsExactlyInAnyOrder(
                        "behaviour-service declares carts under the retention category shoe-boxes, which has no policy",
                        "The purpose order-processing is not in the purpose catalog: its legal basis is as the "
                                + "services declare it");
        assertThat(record.internalFlows())
                .extracting(RecordOfProcessing.InternalFlow::service)
                .containsExactly("tracking-service", "behaviour-service");
        assertThat(record.technicalAndOrganisationalMeasures())
                .anySatisfy(m -> assertThat(m).contains("hash chain").contains("kept P3Y to the end of the year"));
    }

    @Test
    void whatDidNotAnswerIsNamedAsAGap() {
        RecordOfProcessing record = RecordAssembler.assemble(
                NOW, Settings.DEMO, List.of(TRACKING), List.of("The service profile did not declare"), null, POLICIES);
        assertThat(record.gaps()).contains("The service profile did not declare");
        assertThat(record.gaps()).anySatisfy(g -> assertThat(g).startsWith("The purpose catalog (consent-service)"));
        assertThat(record.activities().getFirst().legalBasisSource()).isEqualTo("declared by the services");
    }

    private static RetentionPolicy policy(String category, String period, boolean round, String reference) {
        return new RetentionPolicy(
                category, category, 1, Period.parse(period), "start", round, reference, true, null, "dpo", NOW);
    }

    /** opencdp.records.* as a deployment would set it. */
    record Settings(
            Party controller,
            Party dpo,
            Map<String, RecordsSettings.Processor> processors,
            Map<String, RecordsSettings.Transfer> transfers)
            implements RecordsSettings {

        static final Settings DEMO = new Settings(
                new Party("Shop GmbH", "Berlin", "info@example.com"),
                new Party("DPO", "Berlin", "dpo@example.com"),
                Map.of("ticket", new Processor("Ticket", "Tickets", "IE", List.of("order-processing"))),
                Map.of("support", new Transfer("Ticket US", "US", "SCC 2021/914", List.of("order-processing"))));

        record Party(String name, String address, String contact) implements RecordsSettings.Party {}

        record Processor(String name, String service, String country, List<String> purposes)
                implements RecordsSettings.Processor {}

        record Transfer(String recipient, String country, String safeguard, List<String> purposes)
                implements RecordsSettings.Transfer {}
    }
}
