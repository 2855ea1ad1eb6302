package org.opencdp.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.opencdp.behaviour.api.Orders;
import org.opencdp.behaviour.api.ProfileEventsResourceTest;
import org.opencdp.subjectrights.testkit.SubjectRightsContractTest;
import org.opencdp.testsupport.TestDatabase;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BehaviourSubjectRightsTest extends SubjectRightsContractTest {

    private static final Instant LAST_WEEK = Instant.now().minus(7, ChronoUnit.DAYS);

    @Override
    protected UUID givenASubjectWithData() {
        UUID subject = UUID.randomUUID();
        ProfileEventsResourceTest.deliver(ProfileEventsResourceTest.changed(subject, "35-44", "DE", "10"))
                .then()
                .statusCode(200);
        Orders.importAll(
                List.of(Orders.order("SR-" + UUID.randomUUID(), subject, LAST_WEEK, "SKU-1", "tea", 2, "4.50")));
        return subject;
    }

    /** The orders are kept (default policy) until the end of the 8th calendar year after the order's year. */
    @Override
    protected void assertNothingLeftAfterErasure(UUID subjectId) {
        List<Map<String, Object>> kept =
                TestDatabase.rows("SELECT retained_until FROM customer_order WHERE subject_id = ?", subjectId);
        int year = LAST_WEEK.atZone(ZoneOffset.UTC).getYear();
        assertThat(kept)
                .singleElement()
                .extracting(r -> r.get("retained_until").toString())
                .isEqualTo(LocalDate.of(year + 8, 12, 31).toString());
        assertThat(TestDatabase.count("SELECT count(*) FROM customer_attributes WHERE subject_id = ?", subjectId))
                .isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM cart WHERE subject_id = ?", subjectId))
                .isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM customer_kpi WHERE subject_id = ?", subjectId))
                .isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM customer_revenue_month WHERE subject_id = ?", subjectId))
                .isZero();
    }
}
