package org.opencdp.profile;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;
import org.opencdp.profile.domain.CallRecord;
import org.opencdp.profile.domain.CompanyContact;
import org.opencdp.profile.domain.Customer;
import org.opencdp.profile.domain.CustomerFeedback;
import org.opencdp.profile.domain.CustomerSearchTerm;
import org.opencdp.profile.domain.FollowUp;
import org.opencdp.profile.domain.InboxArticle;
import org.opencdp.profile.domain.Lead;
import org.opencdp.profile.domain.Ticket;
import org.opencdp.profile.domain.TimelineEntry;
import org.opencdp.testsupport.ServiceArchitectureTest;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ProfileArchitectureTest extends ServiceArchitectureTest {

    /**
     * The shared rule {@code entitiesStayBehindTheService} finds JPA entities by their annotation; profile-service's
     * rows are plain classes read and written with JDBC, so this names them.
     */
    @Test
    void rowsStayBehindTheService() {
        noClasses()
                .that()
                .resideInAPackage("org.opencdp.profile.api..")
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(
                        Customer.class,
                        CustomerSearchTerm.class,
                        CompanyContact.class,
                        TimelineEntry.class,
                        CallRecord.class,
                        CustomerFeedback.class,
                        Ticket.class,
                        InboxArticle.class,
                        Lead.class,
                        FollowUp.class)
                .because("a service hands out records, not rows: a row in a resource could leak encrypted or internal"
                        + " columns into a response, or be changed outside the service's transaction")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.opencdp.profile"));
    }
}
