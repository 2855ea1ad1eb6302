package org.opencdp.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

/** Rendered or written Kubernetes manifests, parsed into one tree per document. */
final class Manifests {

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(YAML);

    private Manifests() {}

    static Path repoRoot() {
        return Path.of(System.getProperty("opencdp.repo.root", ".."))
                .toAbsolutePath()
                .normalize();
    }

    static Path chart() {
        return repoRoot().resolve("helm/opencdp");
    }

    /** helm template of the umbrella chart as for a current cluster (the chart needs Kubernetes 1.27 or newer). */
    static TemplateCommand template() {
        return new Helm(chart())
                .template()
                .withName("opencdp")
                .withNamespace("opencdp")
                .withKubeVersion("1.31.0");
    }

    /** The objects of the given kind and name in rendered manifests. */
    static JsonNode named(List<JsonNode> documents, String kind, String name) {
        return ofKind(documents, kind).stream()
                .filter(d -> name.equals(d.path("metadata").path("name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    /** The first container of a Deployment. */
    static JsonNode container(JsonNode deployment) {
        return deployment
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0);
    }

    /** The value of a container's environment variable, or null. */
    static String env(JsonNode deployment, String variable) {
        for (JsonNode entry : container(deployment).path("env")) {
            if (variable.equals(entry.path("name").asText())) {
                return entry.path("value").isMissingNode()
                        ? null
                        : entry.path("value").asText();
            }
        }
        return null;
    }

    static List<JsonNode> parse(String yaml) {
        try (YAMLParser parser = YAML.createParser(yaml)) {
            List<JsonNode> documents = new ArrayList<>();
            for (var it = MAPPER.readValues(parser, JsonNode.class); it.hasNext(); ) {
                JsonNode document = it.next();
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    documents.add(document);
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> ofKind(List<JsonNode> documents, String kind) {
        return documents.stream()
                .filter(d -> kind.equals(d.path("kind").asText()))
                .toList();
    }
}
