package org.opencdp.profile.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.profile.domain.AcquisitionSource;
import org.opencdp.profile.domain.CompanySizeBand;
import org.opencdp.profile.domain.CustomerKind;
import org.opencdp.profile.domain.CustomerProfile;
import org.opencdp.profile.domain.EmailAddress;
import org.opencdp.profile.domain.Gender;
import org.opencdp.profile.domain.PaymentMethod;
import org.opencdp.profile.domain.PhoneNumber;
import org.opencdp.profile.domain.PostalAddress;
import org.opencdp.profile.domain.ProfileAccess;
import org.opencdp.profile.domain.RevenuePotentialBand;
import org.opencdp.profile.domain.Salutation;
import org.opencdp.profile.domain.StoredCustomer;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A customer as the caller's roles allow them to see it. Fields the caller may not see are absent, not null:
 * sales sees everything; marketing everything but the payment method; service the contact data; analyst no
 * direct identifiers (age band, country and postcode region instead of birth date and addresses).
 */
@Schema(name = "Customer")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CustomerView(
        UUID id,
        @Schema(examples = "PERSON") CustomerKind type,

        @Schema(description = "Also sent as ETag; send it back in If-Match to update", examples = "3")
        long version,

        Instant createdAt,
        Instant updatedAt,
        Salutation salutation,
        String title,
        @Schema(examples = "Erika") String givenName,
        @Schema(examples = "Mustermann") String familyName,
        LocalDate birthDate,

        @Schema(description = "Derived from the birth date", examples = "42")
        Integer age,

        @Schema(examples = "35-44") String ageBand,
        Gender gender,

        @Schema(description = "Occupation (Beruf): sales and marketing", examples = "Tischlermeisterin")
        String occupation,

        @Schema(examples = "Musterbau GmbH") String companyName,
        @Schema(examples = "41.20") String industryCode,
        CompanySizeBand companySize,
        RevenuePotentialBand revenuePotential,
        @Schema(examples = "de") String language,
        List<PostalAddress> addresses,
        List<EmailAddress> emails,
        List<PhoneNumber> phones,
        PaymentMethod preferredPaymentMethod,
        List<String> interests,
        AcquisitionSource acquisitionSource,

        @Schema(description = "Analyst view: country of the main address", examples = "DE")
        String country,

        @Schema(description = "Analyst view: first two postcode characters", examples = "10")
        String postcodeRegion,

        @Schema(description = "On a company: its contact persons")
        List<ContactView> contacts,

        @Schema(description = "On a person: the companies it is a contact of")
        List<ContactView> companies) {

    /** {@code today} is the day the age and age band are derived for. */
    public static CustomerView of(StoredCustomer customer, ProfileAccess access, LocalDate today) {
        boolean ids = access.seesIdentifiers();
        boolean profiling = access.seesProfiling();
        CustomerProfile p = customer.profile();
        var main = p.mainAddress();
        return new CustomerView(
                customer.id(),
                customer.kind(),
                customer.version(),
                customer.createdAt(),
                customer.updatedAt(),
                ids ? p.salutation() : null,
                ids ? p.title() : null,
                ids ? p.givenName() : null,
                ids ? p.familyName() : null,
                profiling ? p.birthDate() : null,
                profiling ? p.ageOn(today).orElse(null) : null,
                profiling || !ids ? p.ageBandOn(today).orElse(null) : null,
                profiling || !ids ? p.gender() : null,
                profiling ? p.occupation() : null,
                ids ? p.companyName() : null,
                p.industryCode(),
                p.companySize(),
                access == ProfileAccess.CONTACT ? null : p.revenuePotential(),
                p.language(),
                ids ? p.addresses() : null,
                ids ? p.emails() : null,
                ids ? p.phones() : null,
                access.seesPaymentData() ? p.preferredPaymentMethod() : null,
                profiling || !ids ? p.interests() : null,
                profiling || !ids ? p.acquisitionSource() : null,
                ids ? null : main.map(PostalAddress::country).orElse(null),
                ids ? null : main.map(PostalAddress::postcodeRegion).orElse(null),
                ids ? ContactView.allOf(customer.contacts()) : null,
                ids ? ContactView.allOf(customer.companies()) : null);
    }
}
