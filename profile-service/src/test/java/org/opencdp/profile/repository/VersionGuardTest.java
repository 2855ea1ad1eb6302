package org.opencdp.profile.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.opencdp.problem.ProblemException;
import org.opencdp.profile.domain.Customer;
import org.opencdp.profile.domain.CustomerKind;
import org.opencdp.profile.domain.Lead;
import org.opencdp.profile.domain.LeadSource;
import org.opencdp.profile.domain.PipelineStage;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The optimistic lock that Hibernate's {@code @Version} was: of two writers that read the same version, the second
 * gets a 412 and writes nothing. The API's tests cover the stale If-Match; this covers the race between the version
 * check and the write, which a request cannot time.
 */
@QuarkusTest
@WithPostgres
class VersionGuardTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Inject
    CustomerRepository customers;

    @Inject
    LeadRepository leads;

    @Test
    void theSecondOfTwoCustomerWritersOfOneVersionGetsA412() {
        Customer row = new Customer();
        row.id = UUID.randomUUID();
        row.kind = CustomerKind.PERSON;
        row.encryptedProfile = new byte[] {1};
        row.createdAt = NOW;
        row.updatedAt = NOW;
        QuarkusTransaction.requiringNew().run(() -> customers.insert(row));
        Customer first = customers.find(row.id).orElseThrow();
        Customer second = customers.find(row.id).orElseThrow();

        first.encryptedProfile = new byte[] {2};
        QuarkusTransaction.requiringNew().run(() -> customers.updateGuardingVersion(first));
        second.encryptedProfile = new byte[] {3};
        ProblemException refused = catchThrowableOfType(
                ProblemException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> customers.updateGuardingVersion(second)));

        assertThat(first.version).isEqualTo(1);
        assertThat(refused).isNotNull();
        assertThat(refused.toProblem().status()).isEqualTo(412);
        Customer stored = customers.find(row.id).orElseThrow();
        assertThat(stored.version).isEqualTo(1);
        assertThat(stored.encryptedProfile).containsExactly(2);
    }

    @Test
    void theSecondOfTwoLeadWritersOfOneVersionGetsA412() {
        Lead row = new Lead();
        row.id = UUID.randomUUID();
        row.kind = CustomerKind.PERSON;
        row.source = LeadSource.WEBSITE;
        row.stage = PipelineStage.NEW;
        row.encryptedDetails = new byte[] {1};
        row.createdAt = NOW;
        row.updatedAt = NOW;
        row.lastTouchedAt = NOW;
        QuarkusTransaction.requiringNew().run(() -> leads.insert(row));
        Lead first = leads.find(row.id).orElseThrow();
        Lead second = leads.find(row.id).orElseThrow();

        first.stage = PipelineStage.CONTACTED;
        QuarkusTransaction.requiringNew().run(() -> leads.updateGuardingVersion(first));
        second.stage = PipelineStage.LOST;
        ProblemException refused = catchThrowableOfType(
                ProblemException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> leads.updateGuardingVersion(second)));

        assertThat(refused).isNotNull();
        assertThat(refused.toProblem().status()).isEqualTo(412);
        Lead stored = leads.find(row.id).orElseThrow();
        assertThat(stored.version).isEqualTo(1);
        assertThat(stored.stage).isEqualTo(PipelineStage.CONTACTED);
    }
}
