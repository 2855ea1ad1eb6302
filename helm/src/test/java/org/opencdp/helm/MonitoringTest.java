package org.opencdp.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Grafana dashboards and the alerts: ConfigMaps the sidecar picks up with valid dashboards, one PrometheusRule
 * whose alerts each have a runbook in docs/operations.md, and queries that read only metrics the services publish.
 */
class MonitoringTest {

    private static final List<String> SERVICES =
            List.of("profile-service", "behaviour-service", "tracking-service", "consent-service", "retention-service");

    /**
     * Every metric the dashboards and alerts may read, and where it comes from. The services' own ones (opencdp_*)
     * are also looked up in the code by {@link #theServicesOwnMetricsAreRegisteredInTheCode}; the HTTP, JVM and pool
     * metrics are checked in a running service by libs/test-support's ServiceBaselineTest.
     */
    private static final Map<String, String> PUBLISHED = Map.ofEntries(
            Map.entry("http_server_requests_seconds_count", "Quarkus's HTTP server timer"),
            Map.entry(
                    "http_server_requests_seconds_bucket", "its buckets, libs/service-defaults RequestLatencyBuckets"),
            Map.entry("jvm_memory_used_bytes", "Micrometer's JVM memory binder"),
            Map.entry("jvm_memory_max_bytes", "Micrometer's JVM memory binder"),
            Map.entry("jvm_gc_pause_seconds_sum", "Micrometer's JVM GC binder"),
            Map.entry("jvm_threads_live_threads", "Micrometer's JVM thread binder"),
            Map.entry("process_cpu_usage", "Micrometer's processor binder"),
            Map.entry("agroal_active_count", "Agroal pool gauge (quarkus.datasource.metrics.enabled)"),
            Map.entry("agroal_available_count", "Agroal pool gauge"),
            Map.entry("agroal_max_used_count", "Agroal pool gauge"),
            Map.entry("agroal_awaiting_count", "Agroal pool gauge"),
            Map.entry("agroal_acquire_count_total", "Agroal pool counter"),
            Map.entry("agroal_blocking_time_average_milliseconds", "Agroal pool gauge, unit milliseconds"),
            Map.entry("opencdp_tracking_events_total", "tracking-service IngestionService"),
            Map.entry("opencdp_consent_decision_seconds_count", "consent-service Decisions"),
            Map.entry("opencdp_consent_decision_seconds_bucket", "consent-service Decisions (percentile histogram)"),
            Map.entry("opencdp_subject_requests_open", "retention-service OpenRequestsGauge"),
            Map.entry("opencdp_purge_runs_total", "retention-service PurgeRuns"),
            Map.entry("opencdp_outbox_pending", "libs/outbox OutboxRelay"),
            Map.entry("opencdp_outbox_parked", "libs/outbox OutboxRelay"),
            Map.entry("opencdp_outbox_delivered_total", "libs/outbox OutboxRelay"),
            Map.entry("opencdp_outbox_failed_attempts_total", "libs/outbox OutboxRelay"),
            Map.entry("opencdp_bulk_read_refused_total", "libs/rate-limits BulkReadGuard"),
            Map.entry("up", "Prometheus itself, per scrape target"));

    private static final Set<String> PROMQL_WORDS = Set.of(
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "and",
            "or",
            "unless",
            "offset",
            "bool",
            "inf",
            "nan");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final ObjectMapper STRICT =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static List<JsonNode> monitored;

    @BeforeAll
    static void render() {
        monitored = Manifests.parse(Manifests.template()
                .set("monitoring.dashboards.enabled", "true")
                .set("monitoring.alerts.enabled", "true")
                .call());
    }

    /** The metric names a PromQL expression reads: no functions, keywords, label names or values, or ranges. */
    static Set<String> metricNames(String promql) {
        String bare = promql.replaceAll("\"[^\"]*\"", "\"\"")
                .replaceAll("\\{[^}]*}", "")
                .replaceAll("\\[[^]]*]", "")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\b[0-9]+[smhdwy]\\b", " ")
                .replaceAll("\\$\\w+", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(bare);
        while (m.find()) {
            boolean function = bare.substring(m.end()).matches("(?s)\\s*\\(.*");
            boolean number = m.start() > 0 && Character.isDigit(bare.charAt(m.start() - 1));
            if (!function && !number && !PROMQL_WORDS.contains(m.group().toLowerCase(Locale.ROOT))) {
                names.add(m.group());
            }
        }
        return names;
    }

    @Test
    void metricNamesAreFoundInQueries() {
        assertThat(metricNames("sum by (le, job) (rate(http_server_requests_seconds_bucket{job=~\"a|b\","
                        + " status=~\"5..\"}[$__rate_interval] offset 1d)) / on (namespace) up > 0.5 * 2"))
                .containsExactlyInAnyOrder("http_server_requests_seconds_bucket", "up");
    }

    @Test
    void eachServiceHasADashboardTheSidecarLoads() throws IOException {
        List<JsonNode> maps = Manifests.ofKind(monitored, "ConfigMap");
        assertThat(maps)
                .extracting(m -> m.path("metadata").path("name").asText())
                .containsExactlyInAnyOrderElementsOf(
                        SERVICES.stream().map(s -> "opencdp-dashboard-" + s).toList());
        Set<String> uids = new TreeSet<>();
        for (String service : SERVICES) {
            JsonNode map = Manifests.named(monitored, "ConfigMap", "opencdp-dashboard-" + service);
            assertThat(map.path("metadata")
                            .path("labels")
                            .path("grafana_dashboard")
                            .asText())
                    .isEqualTo("1");
            JsonNode dashboard = new ObjectMapper()
                    .readTree(map.path("data").path(service + ".json").asText());
            assertThat(dashboard.path("title").asText()).contains(service);
            uids.add(dashboard.path("uid").asText());

            Set<String> read = new TreeSet<>();
            for (String query : queries(dashboard)) {
                assertThat(query).as(service).contains("job=\"" + service + "\"");
                read.addAll(metricNames(query));
            }
            assertThat(PUBLISHED.keySet())
                    .as(service + " reads only published metrics")
                    .containsAll(read);
            assertThat(read)
                    .as(service + ": requests, latency, JVM, connection pools")
                    .contains(
                            "http_server_requests_seconds_count",
                            "http_server_requests_seconds_bucket",
                            "jvm_memory_used_bytes",
                            "jvm_gc_pause_seconds_sum",
                            "agroal_active_count",
                            "agroal_awaiting_count");
            assertThat(read).as(service + "'s own signals").containsAll(domainSignals(service));
        }
        assertThat(uids).hasSize(SERVICES.size());
    }

    private static List<String> domainSignals(String service) {
        return switch (service) {
            case "tracking-service" -> List.of("opencdp_tracking_events_total");
            case "consent-service" ->
                List.of("opencdp_consent_decision_seconds_count", "opencdp_outbox_parked", "opencdp_outbox_pending");
            case "retention-service" -> List.of("opencdp_subject_requests_open", "opencdp_purge_runs_total");
            case "profile-service" -> List.of("opencdp_outbox_parked", "opencdp_outbox_pending");
            default -> List.of("opencdp_bulk_read_refused_total");
        };
    }

    private static List<String> queries(JsonNode dashboard) {
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(target.path("expr").asText());
            }
        }
        assertThat(queries).isNotEmpty().doesNotContain("");
        return queries;
    }

    @Test
    void theSidecarLabelAndFolderAreValues() {
        List<JsonNode> docs = Manifests.parse(Manifests.template()
                .set("monitoring.dashboards.enabled", "true")
                .set("monitoring.dashboards.labels.grafana_dashboard", "opencdp")
                .set("monitoring.dashboards.annotations.grafana_folder", "OpenCDP")
                .set("behaviour-service.enabled", "false")
                .call());
        List<JsonNode> maps = Manifests.ofKind(docs, "ConfigMap");
        assertThat(maps).hasSize(4).allSatisfy(m -> {
            assertThat(m.path("metadata")
                            .path("labels")
                            .path("grafana_dashboard")
                            .asText())
                    .isEqualTo("opencdp");
            assertThat(m.path("metadata")
                            .path("annotations")
                            .path("grafana_folder")
                            .asText())
                    .isEqualTo("OpenCDP");
        });
    }

    @Test
    void withoutTheFlagsNothingNeedsTheOperatorsCrds() {
        List<JsonNode> plain = Manifests.parse(Manifests.template().call());

        assertThat(Manifests.ofKind(plain, "PrometheusRule")).isEmpty();
        assertThat(Manifests.ofKind(plain, "ConfigMap")).isEmpty();
    }

    /** The PrometheusRule's schema as the Prometheus Operator reads it; an unknown or misplaced field fails. */
    record PrometheusRule(String apiVersion, String kind, Metadata metadata, Spec spec) {
        record Metadata(String name, Map<String, String> labels) {}

        record Spec(List<Group> groups) {}

        record Group(String name, List<Rule> rules) {}

        record Rule(
                String alert,
                String expr,
                String record,
                @JsonProperty("for") String duration,
                Map<String, String> labels,
                Map<String, String> annotations) {}
    }

    private static PrometheusRule rule(List<JsonNode> documents) {
        JsonNode rule = Manifests.ofKind(documents, "PrometheusRule").getFirst();
        try {
            return STRICT.treeToValue(rule, PrometheusRule.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theAlertsCoverTheDomainSignalsAndEachHasARunbookInTheOperatorGuide() throws IOException {
        PrometheusRule prometheusRule = rule(monitored);
        assertThat(prometheusRule.apiVersion()).isEqualTo("monitoring.coreos.com/v1");
        List<PrometheusRule.Rule> alerts = prometheusRule.spec().groups().stream()
                .flatMap(g -> g.rules().stream())
                .toList();
        assertThat(alerts)
                .extracting(PrometheusRule.Rule::alert)
                .containsExactlyInAnyOrder(
                        "OpenCdpHighErrorRate",
                        "OpenCdpHighLatencyP99",
                        "OpenCdpSubjectRequestsOverdue",
                        "OpenCdpPurgeRunFailed",
                        "OpenCdpPurgeRunMissing",
                        "OpenCdpOutboxEventsParked",
                        "OpenCdpTrackingDroppedWithoutConsentSpike");

        Set<String> anchors = anchors(Files.readString(Manifests.repoRoot().resolve("docs/operations.md")));
        for (PrometheusRule.Rule alert : alerts) {
            String name = alert.alert();
            assertThat(alert.labels()).as(name).containsKey("severity");
            assertThat(alert.labels().get("severity")).as(name).isIn("warning", "critical");
            assertThat(alert.annotations()).as(name).containsKeys("summary", "description", "runbook_url");
            if (alert.duration() != null) {
                assertThat(alert.duration()).as(name).matches("[0-9]+[smh]");
            }
            String runbook = alert.annotations().get("runbook_url");
            assertThat(runbook).as(name).startsWith("https://github.com/opencdp/opencdp/blob/main/docs/operations.md#");
            assertThat(anchors).as(name + "'s runbook").contains(runbook.substring(runbook.indexOf('#') + 1));
            assertBalanced(name, alert.expr());
            assertThat(PUBLISHED.keySet())
                    .as(name + " reads only published metrics")
                    .containsAll(metricNames(alert.expr()));
        }
    }

    private static void assertBalanced(String name, String expr) {
        int depth = 0;
        for (char c : expr.replaceAll("\"[^\"]*\"", "").toCharArray()) {
            depth += switch (c) {
                case '(', '{', '[' -> 1;
                case ')', '}', ']' -> -1;
                default -> 0;
            };
            assertThat(depth).as(name + ": " + expr).isNotNegative();
        }
        assertThat(depth).as(name + ": " + expr).isZero();
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new TreeSet<>();
        for (String line : markdown.lines().toList()) {
            if (line.matches("#{1,6} .*")) {
                String heading = Normalizer.normalize(line.replaceFirst("#+ ", ""), Normalizer.Form.NFC)
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "")
                        .replace(' ', '-');
                anchors.add(heading);
            }
        }
        return anchors;
    }

    @Test
    void alertsFollowTheEnabledServicesAndTheirThresholds() {
        List<JsonNode> docs = Manifests.parse(Manifests.template()
                .set("monitoring.alerts.enabled", "true")
                .set("monitoring.alerts.labels.release", "kube-prometheus-stack")
                .set("monitoring.alerts.errorRatio", "0.02")
                .set("monitoring.alerts.purgeRuns.completedOutcome", "succeeded")
                .set("tracking-service.enabled", "false")
                .call());
        PrometheusRule prometheusRule = rule(docs);

        assertThat(prometheusRule.metadata().labels()).containsEntry("release", "kube-prometheus-stack");
        List<PrometheusRule.Rule> alerts = prometheusRule.spec().groups().stream()
                .flatMap(g -> g.rules().stream())
                .toList();
        assertThat(alerts)
                .extracting(PrometheusRule.Rule::alert)
                .doesNotContain("OpenCdpTrackingDroppedWithoutConsentSpike");
        PrometheusRule.Rule errors = alerts.stream()
                .filter(a -> a.alert().equals("OpenCdpHighErrorRate"))
                .findFirst()
                .orElseThrow();
        assertThat(errors.expr()).contains("> 0.02").doesNotContain("tracking-service");
        assertThat(alerts.stream().filter(a -> a.alert().startsWith("OpenCdpPurgeRun")))
                .allSatisfy(a -> assertThat(a.expr()).contains("\"succeeded\""));
    }

    @Test
    void theSchemaRefusesBrokenMonitoringValues() {
        assertThatThrownBy(() -> Manifests.template()
                        .set("monitoring.alerts.errorRatio", "5")
                        .call())
                .hasMessageContaining("errorRatio");
        assertThatThrownBy(() -> Manifests.template()
                        .set("monitoring.alerts.runbookBaseUrl", "docs/operations.md")
                        .call())
                .hasMessageContaining("runbookBaseUrl");
        assertThatThrownBy(() -> Manifests.template()
                        .set("monitoring.dashboards.enable", "true")
                        .call())
                .hasMessageContaining("enable");
    }

    /**
     * The services' own metrics are registered where the list says: Micrometer's dotted name (opencdp.outbox.parked
     * for opencdp_outbox_parked) appears in the main code.
     */
    @Test
    void theServicesOwnMetricsAreRegisteredInTheCode() throws IOException {
        String code = mainCode();
        for (String metric : PUBLISHED.keySet()) {
            if (!metric.startsWith("opencdp_")) {
                continue;
            }
            String micrometerName = metric.replaceFirst("(_seconds)?_(total|count|bucket|sum|max)$", "")
                    .replace('_', '.');
            assertThat(code).as(metric + " (" + PUBLISHED.get(metric) + ")").contains('"' + micrometerName + '"');
        }
    }

    private static String mainCode() throws IOException {
        StringBuilder code = new StringBuilder();
        try (Stream<Path> files = Files.walk(Manifests.repoRoot())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")
                            && f.toString().contains("/src/main/java/")
                            && !f.toString().contains("/target/"))
                    .toList()) {
                code.append(Files.readString(file));
            }
        }
        return code.toString();
    }
}
