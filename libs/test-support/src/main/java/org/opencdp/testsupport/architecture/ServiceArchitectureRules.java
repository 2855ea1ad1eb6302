package org.opencdp.testsupport.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture every service keeps, as ArchUnit rules over the classes of one service's base package (e.g.
 * {@code org.opencdp.profile}). Its layers are the subpackages {@code api} (resources and their records),
 * {@code service} (use cases), {@code domain} (records, rules, entities) and {@code repository} (storage); the
 * direction is api -> service -> domain/repository. Each rule says why in its {@code because}; libs/test-support's
 * README lists them. Rules about a layer a service does not have yet are met trivially.
 */
public final class ServiceArchitectureRules {

    /** Every service's base package. A new service adds its own, so that no other service can import it. */
    public static final List<String> SERVICE_PACKAGES = List.of(
            "org.opencdp.profile",
            "org.opencdp.behaviour",
            "org.opencdp.tracking",
            "org.opencdp.consent",
            "org.opencdp.retention");

    private final String api;
    private final String service;
    private final String domain;
    private final String repository;
    private final String all;
    private final List<String> otherServices;

    /** The rules for a base package and the packages of the services it must not depend on. */
    public ServiceArchitectureRules(String basePackage, List<String> otherServicePackages) {
        this.api = basePackage + ".api..";
        this.service = basePackage + ".service..";
        this.domain = basePackage + ".domain..";
        this.repository = basePackage + ".repository..";
        this.all = basePackage + "..";
        this.otherServices = otherServicePackages.stream().map(p -> p + "..").toList();
    }

    /** The rules for one of {@link #SERVICE_PACKAGES}; every other one counts as another service. */
    public static ServiceArchitectureRules forService(String basePackage) {
        if (!SERVICE_PACKAGES.contains(basePackage)) {
            throw new IllegalArgumentException(basePackage + " is not in ServiceArchitectureRules.SERVICE_PACKAGES: "
                    + "add the new service's base package there (and put its architecture test in that package)");
        }
        return new ServiceArchitectureRules(
                basePackage,
                SERVICE_PACKAGES.stream().filter(p -> !p.equals(basePackage)).toList());
    }

    public ArchRule onlyTheApiKnowsTheApi() {
        return noClasses()
                .that()
                .resideInAnyPackage(service, domain, repository)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(api)
                .because("the api is one representation of the use cases for HTTP clients; service, domain and "
                        + "repository code that imports it could not be reused without it, and the api could not "
                        + "change without them (api -> service -> domain/repository)")
                .allowEmptyShould(true);
    }

    public ArchRule theDomainStandsOnItsOwn() {
        return noClasses()
                .that()
                .resideInAPackage(domain)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(service, repository)
                .because("the domain (records, rules, entities) is what every layer shares, so it must not pull "
                        + "in use cases or storage")
                .allowEmptyShould(true);
    }

    public ArchRule resourcesGoThroughServices() {
        return noClasses()
                .that()
                .resideInAPackage(api)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(repository)
                .because("resources are thin: they parse, authorise, call a service and map; storage reached "
                        + "directly would skip what the service adds (transaction, audit trail, restrictions, events)")
                .allowEmptyShould(true);
    }

    public ArchRule entitiesStayBehindTheService() {
        return noClasses()
                .that()
                .resideInAPackage(api)
                .should()
                .dependOnClassesThat()
                .areAnnotatedWith("jakarta.persistence.Entity")
                .because("a service hands out records, not entities: an entity in a resource could leak encrypted "
                        + "or internal columns into a response, or be changed outside the service's transaction")
                .allowEmptyShould(true);
    }

    public ArchRule servicesDoNotImportEachOther() {
        return noClasses()
                .that()
                .resideInAPackage(all)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(otherServices.toArray(String[]::new))
                .because("each service owns its code and data and is deployed alone; another service is reached "
                        + "through its HTTP API or its events (shared contracts live in libs/events)")
                .allowEmptyShould(true);
    }

    public ArchRule timeComesFromTheInjectedClock() {
        return noClasses()
                .that()
                .resideInAPackage(all)
                .should()
                .callMethod(Instant.class, "now")
                .orShould()
                .callMethod(LocalDate.class, "now")
                .orShould()
                .callMethod(LocalDateTime.class, "now")
                .orShould()
                .callMethod(LocalTime.class, "now")
                .orShould()
                .callMethod(OffsetDateTime.class, "now")
                .orShould()
                .callMethod(ZonedDateTime.class, "now")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .orShould()
                .callMethod(Clock.class, "systemUTC")
                .orShould()
                .callMethod(Clock.class, "systemDefaultZone")
                .because("\"now\" comes from the injected java.time.Clock (libs/service-defaults), so that a test can "
                        + "set the time; System.nanoTime() for measuring durations is fine")
                .allowEmptyShould(true);
    }

    public ArchRule sqlStaysInTheRepositories() {
        return noClasses()
                .that()
                .resideInAPackage(all)
                .and()
                .resideOutsideOfPackage(repository)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.opencdp.jdbc..")
                .because("SQL belongs to the repositories (libs/jdbc runs it): a service or resource writing its own "
                        + "statements would bypass the rows' one place of storage and spread the schema through the "
                        + "layers")
                .allowEmptyShould(true);
    }

    public List<ArchRule> all() {
        return List.of(
                onlyTheApiKnowsTheApi(),
                theDomainStandsOnItsOwn(),
                resourcesGoThroughServices(),
                entitiesStayBehindTheService(),
                servicesDoNotImportEachOther(),
                timeComesFromTheInjectedClock(),
                sqlStaysInTheRepositories());
    }
}
