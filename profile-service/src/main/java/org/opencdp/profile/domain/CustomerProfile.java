package org.opencdp.profile.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Everything profile-service knows about one customer, stored as one document encrypted with the customer's
 * own key. Person fields are null for companies and the other way round.
 */
@RegisterForReflection
public record CustomerProfile(
        CustomerKind kind,
        Salutation salutation,
        String title,
        String givenName,
        String familyName,
        LocalDate birthDate,
        Gender gender,
        String companyName,
        String industryCode,
        CompanySizeBand companySize,
        RevenuePotentialBand revenuePotential,
        String language,
        List<PostalAddress> addresses,
        List<EmailAddress> emails,
        List<PhoneNumber> phones,
        PaymentMethod preferredPaymentMethod,
        List<String> interests,
        AcquisitionSource acquisitionSource,
        /** A person's occupation (Beruf) in their own words; null for companies. */
        String occupation) {

    public CustomerProfile {
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        emails = emails == null ? List.of() : List.copyOf(emails);
        phones = phones == null ? List.of() : List.copyOf(phones);
        interests = interests == null ? List.of() : List.copyOf(interests);
    }

    /** A profile without an occupation: every company, and persons whose occupation is not known. */
    public CustomerProfile(
            CustomerKind kind,
            Salutation salutation,
            String title,
            String givenName,
            String familyName,
            LocalDate birthDate,
            Gender gender,
            String companyName,
            String industryCode,
            CompanySizeBand companySize,
            RevenuePotentialBand revenuePotential,
            String language,
            List<PostalAddress> addresses,
            List<EmailAddress> emails,
            List<PhoneNumber> phones,
            PaymentMethod preferredPaymentMethod,
            List<String> interests,
            AcquisitionSource acquisitionSource) {
        this(
                kind,
                salutation,
                title,
                givenName,
                familyName,
                birthDate,
                gender,
                companyName,
                industryCode,
                companySize,
                revenuePotential,
                language,
                addresses,
                emails,
                phones,
                preferredPaymentMethod,
                interests,
                acquisitionSource,
                null);
    }

    /** Age in whole years on the given day; derived, never stored, so it cannot go stale. */
    public Optional<Integer> ageOn(LocalDate day) {
        return Optional.ofNullable(birthDate)
                .map(born -> Period.between(born, day).getYears());
    }

    /** The age band used for segments and analysis, e.g. "25-34". */
    public Optional<String> ageBandOn(LocalDate day) {
        return ageOn(day).map(AgeBands::of);
    }

    /** The address that stands for the customer's location: home or office first, else the first one. */
    public Optional<PostalAddress> mainAddress() {
        return addresses.stream()
                .filter(a -> a.type() == PostalAddress.AddressType.HOME || a.type() == PostalAddress.AddressType.OFFICE)
                .findFirst()
                .or(() -> addresses.stream().findFirst());
    }

    public String displayName() {
        return kind == CustomerKind.COMPANY ? companyName : String.join(" ", givenName, familyName);
    }
}
