package org.opencdp.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencdp.localstack.DemoUser;
import org.opencdp.localstack.Service;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Data-subject requests across the five services started for real (retention-service README, "Nothing is lost"): an
 * erasure leaves nothing on the subject in any table of any database but what a law or accountability requires; a
 * participant that is down makes the request wait until it is back; a retention-service killed with SIGKILL resumes
 * and every service erases once.
 */
@WithLocalSuite
class SubjectRequestsTest {

    private static final Duration COMPLETION = Duration.ofMinutes(3);

    /**
     * The tables that keep the subject id after an erasure, and why: the audit trail (Art. 5(2): subject ids only,
     * deleted a whole period at a time) and its chain key, the tombstone of the destroyed key, the legal hold and the
     * consent proofs it keeps (BGB §§195, 199), the marks that stop a late event from bringing an erased subject back,
     * the erasure's own outbox event until it is delivered and housekeeping removes it, and the data-subject request
     * with its receipts as the proof that it was honoured.
     */
    private static final Map<String, String> KEPT = Map.ofEntries(
            Map.entry("audit_entry", "audit trail"),
            Map.entry("audit_chain_key", "the audit chain's key per subject"),
            Map.entry("subject_key", "tombstone of the destroyed key"),
            Map.entry("subject_restriction", "legal hold"),
            Map.entry("consent_entry", "consent proofs under legal hold"),
            Map.entry("erased_holder", "consent-service's mark of an erased holder"),
            Map.entry("deleted_customer", "behaviour-service's mark of a deleted customer"),
            Map.entry("outbox_event", "the erasure's own event, until delivered"),
            Map.entry("subject_request", "the request itself"),
            Map.entry("subject_request_task", "the services' receipts of the request"));

    private static E2eSuite suite;

    @BeforeAll
    static void connect(E2eSuite started) {
        suite = started;
    }

    @Test
    void anErasureReachesEveryServiceAndLeavesOnlyWhatALawOrAccountabilityRequires() throws SQLException {
        String subject = DemoPeople.create(suite);
        recordACallAndItsRating(subject);
        ConsentRecords.grant(
                () -> suite.as(DemoUser.SALES, Service.CONSENT),
                "subjectId",
                subject,
                "phone-marketing",
                "de",
                "PHONE");
        suite.as(DemoUser.SALES, Service.PROFILE)
                .body(Map.of(
                        "subjectId",
                        subject,
                        "dueDate",
                        LocalDate.now(ZoneOffset.UTC).plusDays(1).toString(),
                        "note",
                        "Call back"))
                .when()
                .post("/api/v1/follow-ups")
                .then()
                .statusCode(201);
        // profile-service's outbox tells behaviour-service about the customer; wait for it, so that no late delivery
        // lands after the erasure.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> tablesHolding(subject).stream()
                        .anyMatch(t -> t.startsWith(Service.BEHAVIOUR.database() + ".")));

        String id = fileAndVerify("ERASURE", subject);
        JsonPath done = awaitCompleted(id);
        assertThat(done.getList("tasks.status")).containsOnly("DONE");

        suite.as(DemoUser.SALES, Service.PROFILE)
                .when()
                .get("/api/v1/customers/" + subject)
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(404), org.hamcrest.Matchers.is(410)));
        List<String> left = tablesHolding(subject).stream()
                .filter(t -> !KEPT.containsKey(t.substring(t.indexOf('.') + 1)))
                .toList();
        assertThat(left).as("tables that still hold the subject id").isEmpty();

        JsonPath receipt = receipt(id);
        assertThat(receipt.getList("services.participant"))
                .containsExactlyInAnyOrder("profile", "behaviour", "tracking", "consent", "retention");
        assertThat(receipt.getBoolean("noDataHeld")).isFalse();
        Map<String, Object> consent = receipt.getMap("services.find { it.participant == 'consent' }.report");
        assertThat(consent.get("restricted")).as("held records are restricted").isEqualTo(true);
        assertThat(receipt.getList("services.find { it.participant == 'consent' }.report.categories.keptUntil"))
                .anySatisfy(until -> assertThat(until).isNotNull());
        assertThat(receipt.getList(
                        "services.find { it.participant == 'profile' }.report.categories.erased", Integer.class))
                .anySatisfy(n -> assertThat(n).isPositive());
        assertThat(receipt.getInt(
                        "services.find { it.participant == 'profile' }.report.categories.find { it.category == "
                                + "'call-records' }.erased"))
                .isOne();
        assertThat(receipt.getInt(
                        "services.find { it.participant == 'profile' }.report.categories.find { it.category == "
                                + "'customer-feedback' }.erased"))
                .isOne();
    }

    @Test
    void aRectificationReachesTheServiceThatDeclaresItAndTheCustomerShowsTheCorrectedField() {
        String subject = DemoPeople.create(suite);
        String id = asDpo().body(Map.of(
                        "type",
                        "RECTIFICATION",
                        "subjectId",
                        subject,
                        "channel",
                        "EMAIL",
                        "receivedOn",
                        LocalDate.now(ZoneOffset.UTC).toString(),
                        "rectification",
                        Map.of("familyName", "Musterfrau")))
                .when()
                .post(url(""))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // Only profile-service declares RECTIFICATION in its capabilities.
        assertThat(verify(id).getList("tasks.participant")).containsExactly("profile");

        JsonPath done = awaitCompleted(id);
        assertThat(done.getString("rectification"))
                .as("the patch goes once applied")
                .isNull();
        suite.as(DemoUser.SALES, Service.PROFILE)
                .when()
                .get("/api/v1/customers/" + subject)
                .then()
                .statusCode(200)
                .body("familyName", org.hamcrest.Matchers.equalTo("Musterfrau"))
                .body("givenName", org.hamcrest.Matchers.equalTo("Erika"));
        JsonPath receipt = receipt(id);
        assertThat(receipt.getInt("services[0].report.categories[0].rectified")).isOne();
        assertThat(receipt.getString("services[0].report.action")).isEqualTo("RECTIFICATION");
    }

    @Test
    void aServiceThatIsDownMakesTheRequestWaitAndItCompletesWhenTheServiceIsBack() {
        String subject = DemoPeople.create(suite);
        suite.stack().stopService(Service.TRACKING);
        String id;
        try {
            id = fileAndVerify("ERASURE", subject);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Map<String, Object> tracking = task(get(id), "tracking");
                return (Integer) tracking.get("attempts") >= 1 && tracking.get("lastError") != null;
            });
            JsonPath waiting = get(id);
            assertThat(waiting.getString("state")).isEqualTo("IN_PROGRESS");
            assertThat(task(waiting, "tracking").get("status")).isEqualTo("PENDING");
            assertThat(task(waiting, "profile").get("status")).isEqualTo("DONE");
        } finally {
            suite.stack().startService(Service.TRACKING);
        }
        assertThat(awaitCompleted(id).getList("tasks.status")).containsOnly("DONE");
    }

    @Test
    void retentionServiceKilledMidRequestResumesOnRestartAndEveryServiceErasesOnce() throws SQLException {
        String subject = DemoPeople.create(suite);
        // behaviour-service is down, so the request is surely in the middle when retention-service is killed.
        suite.stack().stopService(Service.BEHAVIOUR);
        String id;
        try {
            id = fileAndVerify("ERASURE", subject);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> (Integer) task(get(id), "behaviour").get("attempts") >= 1
                            && "DONE".equals(task(get(id), "profile").get("status")));
            suite.stack().killService(Service.RETENTION);
        } finally {
            suite.stack().startService(Service.BEHAVIOUR);
        }
        suite.stack().startService(Service.RETENTION);

        assertThat(awaitCompleted(id).getList("tasks.status")).containsOnly("DONE");
        for (Service service : Service.values()) {
            assertThat(count(
                            service.database(),
                            "SELECT count(*) FROM audit_entry WHERE subject_id = ?::uuid AND action = 'subject.erase'",
                            subject))
                    .as("erasures recorded by %s", service.serviceName())
                    .isEqualTo(1);
        }
    }

    /** A call on the subject's timeline and the subject's rating of it: profile-service's timeline and feedback. */
    private static void recordACallAndItsRating(String subject) {
        String call = suite.as(DemoUser.SALES, Service.PROFILE)
                .body(Map.of(
                        "channel", "CALL",
                        "direction", "INBOUND",
                        "occurredAt", "2026-11-02T10:00:00Z",
                        "summary", "Asked for a callback"))
                .when()
                .post("/api/v1/customers/" + subject + "/timeline")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        suite.as(DemoUser.SALES, Service.PROFILE)
                .body(Map.of(
                        "csat", 5, "source", "AFTER_CALL", "comment", "Called back at once", "timelineEntryId", call))
                .when()
                .post("/api/v1/customers/" + subject + "/feedback")
                .then()
                .statusCode(201);
    }

    private static String fileAndVerify(String type, String subject) {
        String id = asDpo().body(Map.of(
                        "type",
                        type,
                        "subjectId",
                        subject,
                        "channel",
                        "MAIL",
                        "receivedOn",
                        LocalDate.now(ZoneOffset.UTC).toString()))
                .when()
                .post(url(""))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        verify(id);
        return id;
    }

    private static JsonPath verify(String id) {
        return asDpo().body(Map.of("verifiedBy", "dpo", "method", "CALLBACK", "verifiedAt", "2026-01-01T09:00:00Z"))
                .when()
                .post(url("/" + id + "/verification"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static JsonPath awaitCompleted(String id) {
        await().atMost(COMPLETION)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> "COMPLETED".equals(get(id).getString("state")));
        return get(id);
    }

    private static JsonPath receipt(String id) {
        return asDpo().when()
                .get(url("/" + id + "/receipt"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static JsonPath get(String id) {
        return asDpo().when()
                .get(url("/" + id))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> task(JsonPath request, String participant) {
        return request.getList("tasks", Map.class).stream()
                .filter(t -> participant.equals(t.get("participant")))
                .findFirst()
                .orElseThrow();
    }

    private static String url(String path) {
        return "/api/v1/requests" + path;
    }

    private static RequestSpecification asDpo() {
        return suite.as(DemoUser.DPO, Service.RETENTION);
    }

    /** "database.table" for every table of every database (data and keys) with a row that names the subject. */
    private static TreeSet<String> tablesHolding(String subject) throws SQLException {
        TreeSet<String> holding = new TreeSet<>();
        for (Service service : Service.values()) {
            for (String database : List.of(service.database(), service.keysDatabase())) {
                try (Connection c = suite.stack().postgres().connect(database)) {
                    for (String table : tables(c)) {
                        try (PreparedStatement s =
                                c.prepareStatement("SELECT count(*) FROM \"" + table + "\" t WHERE t::text LIKE ?")) {
                            s.setString(1, "%" + subject + "%");
                            try (ResultSet rs = s.executeQuery()) {
                                rs.next();
                                if (rs.getLong(1) > 0) {
                                    holding.add(database + "." + table);
                                }
                            }
                        }
                    }
                }
            }
        }
        return holding;
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = c.createStatement()
                .executeQuery("SELECT table_name FROM information_schema.tables "
                        + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static long count(String database, String sql, String subject) throws SQLException {
        try (Connection c = suite.stack().postgres().connect(database);
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, subject);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
