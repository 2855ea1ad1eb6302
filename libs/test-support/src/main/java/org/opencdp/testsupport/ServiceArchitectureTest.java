package org.opencdp.testsupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opencdp.testsupport.architecture.ServiceArchitectureRules;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Holds a service's main code to {@link ServiceArchitectureRules}. A service's test extends it from its base
 * package ({@code org.opencdp.profile.ProfileArchitectureTest}): that package is the one checked. A plain JUnit
 * test, no Quarkus: it reads the compiled classes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceArchitectureTest {

    private ServiceArchitectureRules rules;
    private JavaClasses classes;

    @BeforeAll
    void importTheServicesClasses() {
        String basePackage = getClass().getPackageName();
        rules = ServiceArchitectureRules.forService(basePackage);
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        if (!classes.iterator().hasNext()) {
            // Rules over no classes pass: a test in the wrong package would check nothing.
            throw new IllegalStateException("no main classes in " + basePackage + ": put the architecture test in the "
                    + "service's base package");
        }
    }

    @Test
    void onlyTheApiKnowsTheApi() {
        rules.onlyTheApiKnowsTheApi().check(classes);
    }

    @Test
    void theDomainStandsOnItsOwn() {
        rules.theDomainStandsOnItsOwn().check(classes);
    }

    @Test
    void resourcesGoThroughServices() {
        rules.resourcesGoThroughServices().check(classes);
    }

    @Test
    void entitiesStayBehindTheService() {
        rules.entitiesStayBehindTheService().check(classes);
    }

    @Test
    void servicesDoNotImportEachOther() {
        rules.servicesDoNotImportEachOther().check(classes);
    }

    @Test
    void timeComesFromTheInjectedClock() {
        rules.timeComesFromTheInjectedClock().check(classes);
    }

    @Test
    void sqlStaysInTheRepositories() {
        rules.sqlStaysInTheRepositories().check(classes);
    }
}
