package org.opencdp.testsupport.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

/**
 * Each rule reports exactly the classes of the bad example (src/test/.../architecture/example) written to break
 * it, and none of the allowed ones: the rules can fail, and fail for the right reason.
 */
class ServiceArchitectureRulesTest {

    private static final String EXAMPLE = "org.opencdp.testsupport.architecture.example";
    private static final ServiceArchitectureRules RULES =
            new ServiceArchitectureRules(EXAMPLE, List.of("org.opencdp.testsupport.architecture.otherservice"));
    private static final JavaClasses CLASSES = new ClassFileImporter().importPackages(EXAMPLE);

    @Test
    void serviceAndRepositoryCodeImportingTheApiIsReported() {
        assertThat(violators(RULES.onlyTheApiKnowsTheApi()))
                .containsExactly("RepositoryReturningAView", "ServiceReturningAView");
    }

    @Test
    void aDomainClassCallingAServiceIsReported() {
        assertThat(violators(RULES.theDomainStandsOnItsOwn())).containsExactly("DomainCallingTheService");
    }

    @Test
    void aResourceUsingARepositoryIsReported() {
        assertThat(violators(RULES.resourcesGoThroughServices())).containsExactly("ResourceUsingARepository");
    }

    @Test
    void anApiClassUsingAnEntityIsReported() {
        assertThat(violators(RULES.entitiesStayBehindTheService()))
                .containsExactly("ResourceUsingARepository", "ViewOfAnEntity");
    }

    @Test
    void aClassImportingAnotherServiceIsReported() {
        assertThat(violators(RULES.servicesDoNotImportEachOther())).containsExactly("ServiceImportingAnotherService");
    }

    @Test
    void readingTheSystemClockIsReported() {
        assertThat(violators(RULES.timeComesFromTheInjectedClock())).containsExactly("ServiceReadingTheSystemClock");
        assertThat(RULES.timeComesFromTheInjectedClock()
                        .evaluate(CLASSES)
                        .getFailureReport()
                        .getDetails())
                .hasSize(2);
    }

    @Test
    void sqlOutsideTheRepositoriesIsReported() {
        assertThat(violators(RULES.sqlStaysInTheRepositories())).containsExactly("ServiceRunningSql");
    }

    @Test
    void everyRuleSaysWhy() {
        assertThat(RULES.all())
                .hasSize(7)
                .allSatisfy(rule -> assertThat(rule.getDescription()).contains(", because "));
    }

    @Test
    void aServiceMissingFromTheListIsNamed() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ServiceArchitectureRules.forService("org.opencdp.billing"))
                .withMessageContaining("SERVICE_PACKAGES");
        String rule = ServiceArchitectureRules.forService("org.opencdp.profile")
                .servicesDoNotImportEachOther()
                .getDescription();
        assertThat(rule.substring(rule.indexOf(" should ")))
                .contains("org.opencdp.behaviour..")
                .doesNotContain("org.opencdp.profile");
    }

    /** The simple names of the classes a rule reports, from its dependencies and method calls. */
    private static Set<String> violators(ArchRule rule) {
        EvaluationResult result = rule.evaluate(CLASSES);
        Set<String> classes = new TreeSet<>();
        result.handleViolations((Collection<Dependency> dependencies, String message) ->
                dependencies.forEach(d -> classes.add(d.getOriginClass().getSimpleName())));
        result.handleViolations((Collection<JavaMethodCall> calls, String message) ->
                calls.forEach(c -> classes.add(c.getOriginOwner().getSimpleName())));
        return classes;
    }
}
