package org.opencdp.buildchecks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Finds dependency versions the project's POMs pin although the Quarkus BOM manages them. Such a pin silently
 * overrides the BOM, so the next Quarkus upgrade leaves that artifact behind, tested with nothing else. The enforcer
 * has no rule for it.
 *
 * <p>A pin is a {@code <version>} on a dependency of a POM's {@code <dependencies>} or {@code <dependencyManagement>}
 * (profiles included); dependencies of a plugin are not managed by a BOM and may name their version.
 */
public final class BomPins {

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    private BomPins() {}

    /** A version a POM pins: where, which artifact, and the version as written. */
    public record Pin(Path pom, String artifact, String version) {

        @Override
        public String toString() {
            return pom + ": " + artifact + " " + version;
        }
    }

    /** The pins of the root POM and every module below it that duplicate the BOM. */
    public static List<Pin> duplicates(Path rootPom, Path bom) {
        Set<String> managed = managedBy(bom);
        Map<String, String> properties = properties(parse(rootPom));
        List<Pin> duplicates = new ArrayList<>();
        for (Path pom : withModules(rootPom)) {
            for (Pin pin : pinsIn(pom, properties)) {
                if (managed.contains(pin.artifact())) {
                    duplicates.add(pin);
                }
            }
        }
        return duplicates;
    }

    /** groupId:artifactId of everything the BOM manages. */
    static Set<String> managedBy(Path bom) {
        Set<String> managed = new HashSet<>();
        for (Element dependency : dependencies(parse(bom), "dependencyManagement")) {
            managed.add(text(dependency, "groupId") + ":" + text(dependency, "artifactId"));
        }
        return managed;
    }

    static List<Pin> pinsIn(Path pom, Map<String, String> properties) {
        Document document = parse(pom);
        Map<String, String> known = new HashMap<>(properties);
        known.putAll(properties(document));
        List<Pin> pins = new ArrayList<>();
        List<Element> declared = new ArrayList<>(dependencies(document, "dependencyManagement"));
        declared.addAll(dependencies(document, "project"));
        declared.addAll(dependencies(document, "profile"));
        for (Element dependency : declared) {
            String version = text(dependency, "version");
            if (version == null || "import".equals(text(dependency, "scope"))) {
                continue;
            }
            String artifact =
                    resolve(text(dependency, "groupId"), known) + ":" + resolve(text(dependency, "artifactId"), known);
            pins.add(new Pin(pom, artifact, version));
        }
        return pins;
    }

    /** The POM and, depth first, those of its modules. */
    static List<Path> withModules(Path pom) {
        List<Path> poms = new ArrayList<>(List.of(pom));
        NodeList modules = parse(pom).getElementsByTagName("module");
        for (int i = 0; i < modules.getLength(); i++) {
            Path module = pom.getParent()
                    .resolve(modules.item(i).getTextContent().strip())
                    .resolve("pom.xml");
            if (!Files.isRegularFile(module)) {
                throw new IllegalStateException(pom + " names a module without a POM: " + module);
            }
            poms.addAll(withModules(module));
        }
        return poms;
    }

    /** The {@code <dependency>} elements of {@code <dependencies>} directly below an element of the given name. */
    private static List<Element> dependencies(Document document, String owner) {
        List<Element> found = new ArrayList<>();
        NodeList all = document.getElementsByTagName("dependency");
        for (int i = 0; i < all.getLength(); i++) {
            Node list = all.item(i).getParentNode();
            if ("dependencies".equals(list.getNodeName())
                    && owner.equals(list.getParentNode().getNodeName())) {
                found.add((Element) all.item(i));
            }
        }
        return found;
    }

    private static Map<String, String> properties(Document document) {
        Map<String, String> properties = new HashMap<>();
        NodeList sections = document.getElementsByTagName("properties");
        for (int i = 0; i < sections.getLength(); i++) {
            NodeList children = sections.item(i).getChildNodes();
            for (int j = 0; j < children.getLength(); j++) {
                if (children.item(j) instanceof Element property) {
                    properties.put(
                            property.getTagName(), property.getTextContent().strip());
                }
            }
        }
        return properties;
    }

    private static String resolve(String value, Map<String, String> properties) {
        Matcher property = PROPERTY.matcher(value == null ? "" : value);
        return property.replaceAll(
                match -> Matcher.quoteReplacement(properties.getOrDefault(match.group(1), match.group())));
    }

    private static String text(Element element, String child) {
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && e.getTagName().equals(child)) {
                return e.getTextContent().strip();
            }
        }
        return null;
    }

    private static Document parse(Path pom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(pom.toFile());
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("cannot read " + pom, e);
        }
    }
}
