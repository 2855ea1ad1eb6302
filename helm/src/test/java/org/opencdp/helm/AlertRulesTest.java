package org.opencdp.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The alerts as a real Prometheus rule engine evaluates them: the PrometheusRule's groups from the rendered chart,
 * checked by {@code promtool check rules} and run by {@code promtool test rules} against the unit tests in
 * src/test/promtool (synthetic series per alert: it fires when it should, and stays silent when it should not).
 * promtool comes with Debian's {@code prometheus} package, which scripts/prerequisites installs; without it the test
 * fails and says so, since an alert nobody evaluated is an alert that may never fire.
 */
class AlertRulesTest {

    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    private static final Path UNIT_TESTS =
            Manifests.repoRoot().resolve("helm/src/test/promtool/opencdp-alerts.test.yaml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static Path workDir;
    private static JsonNode groups;

    @BeforeAll
    static void renderTheRules() throws IOException {
        if (!Files.isExecutable(PROMTOOL)) {
            fail(
                    "The alert rules are evaluated by promtool, and " + PROMTOOL + " is missing. Install it with"
                            + " scripts/prerequisites (as root) or 'sudo apt-get install prometheus', then run the tests again.");
        }
        JsonNode rule = Manifests.named(
                Manifests.parse(Manifests.template()
                        .set("monitoring.alerts.enabled", "true")
                        .call()),
                "PrometheusRule",
                "opencdp");
        groups = rule.path("spec").path("groups");
        workDir = Manifests.repoRoot().resolve("helm/target/promtool");
        Files.createDirectories(workDir);
        ObjectNode rulesFile = YAML.createObjectNode();
        rulesFile.set("groups", groups);
        YAML.writeValue(workDir.resolve("opencdp.rules.yaml").toFile(), rulesFile);
        // promtool reads rule_files relative to the unit tests' file.
        Files.copy(UNIT_TESTS, workDir.resolve(UNIT_TESTS.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void promtoolAcceptsTheRenderedRules() throws Exception {
        assertPromtool("check", "rules", workDir.resolve("opencdp.rules.yaml").toString());
    }

    @Test
    void everyAlertFiresAndStaysSilentAsItsUnitTestsExpect() throws Exception {
        assertPromtool(
                "test", "rules", workDir.resolve(UNIT_TESTS.getFileName()).toString());
    }

    @Test
    void everyAlertHasAUnitTestWhereItFiresAndOneWhereItStaysSilent() throws IOException {
        Set<String> alerts = new TreeSet<>();
        for (JsonNode group : groups) {
            for (JsonNode rule : group.path("rules")) {
                alerts.add(rule.path("alert").asText());
            }
        }
        Set<String> firing = new TreeSet<>();
        Set<String> silent = new TreeSet<>();
        for (JsonNode test : YAML.readTree(UNIT_TESTS.toFile()).path("tests")) {
            for (JsonNode expectation : test.path("alert_rule_test")) {
                String alert = expectation.path("alertname").asText();
                (expectation.path("exp_alerts").isEmpty() ? silent : firing).add(alert);
            }
        }
        assertThat(alerts).as("alerts of the chart").hasSizeGreaterThanOrEqualTo(7);
        assertThat(firing).as("alerts with a case where they fire").containsAll(alerts);
        assertThat(silent).as("alerts with a case where they stay silent").containsAll(alerts);
    }

    private static void assertPromtool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(PROMTOOL.toString());
        command.addAll(List.of(arguments));
        Process promtool = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!promtool.waitFor(60, TimeUnit.SECONDS)) {
            promtool.destroyForcibly();
            fail("promtool " + String.join(" ", arguments) + " did not finish within 60 s");
        }
        assertThat(promtool.exitValue())
                .as("promtool %s:%n%s", String.join(" ", arguments), output)
                .isZero();
    }
}
