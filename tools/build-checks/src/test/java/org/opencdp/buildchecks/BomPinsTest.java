package org.opencdp.buildchecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class BomPinsTest {

    /** `make lint` runs this one: it fails naming each POM that pins an artifact the Quarkus BOM manages. */
    @Test
    void noPomOfTheProjectPinsAVersionTheQuarkusBomManages() {
        List<BomPins.Pin> duplicates = BomPins.duplicates(
                Path.of(System.getProperty("opencdp.root-pom")).normalize(),
                Path.of(System.getProperty("opencdp.quarkus-bom")));

        assertThat(duplicates)
                .as("versions pinned although the Quarkus BOM manages them: remove the <version> (and its property)")
                .isEmpty();
    }

    @Test
    void aPinInDependencyManagementOrInAModuleOrProfileIsFoundThroughProperties() throws URISyntaxException {
        List<BomPins.Pin> duplicates = BomPins.duplicates(fixture("pom.xml"), fixture("bom.xml"));

        assertThat(duplicates)
                .extracting(pin -> pin.pom().getFileName() + " " + pin.artifact() + " " + pin.version())
                .containsExactlyInAnyOrder(
                        "pom.xml io.smallrye:smallrye-jwt-build ${jwt.version}",
                        "pom.xml org.assertj:assertj-core 3.27.7",
                        "pom.xml org.postgresql:postgresql 42.7.1");
    }

    @Test
    void pinsTheBomDoesNotManageImportsAndPluginDependenciesAreAllowed() throws URISyntaxException {
        List<BomPins.Pin> duplicates = BomPins.duplicates(fixture("pom.xml"), fixture("bom.xml"));

        assertThat(duplicates)
                .extracting(BomPins.Pin::artifact)
                .doesNotContain(
                        "com.googlecode.libphonenumber:libphonenumber",
                        "io.quarkus.platform:quarkus-bom",
                        "org.flywaydb:flyway-core");
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(BomPinsTest.class.getResource("/bom-pins/" + name).toURI());
    }
}
