package org.opencdp.profile.domain;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A lead's personal data, stored as one document encrypted with the lead's own key. A person lead has names, a
 * company lead a company name; e-mail address and phone number (E.164) are optional for both.
 */
@RegisterForReflection
public record LeadDetails(
        CustomerKind kind,
        Salutation salutation,
        String givenName,
        String familyName,
        String companyName,
        String email,
        String phone) {

    /** The customer the lead becomes: the same data, nothing entered again. */
    public CustomerProfile toCustomerProfile(LeadSource source) {
        boolean company = kind == CustomerKind.COMPANY;
        ContactUse use = company ? ContactUse.WORK : ContactUse.PRIVATE;
        List<EmailAddress> emails = email == null ? List.of() : List.of(new EmailAddress(email, use, true));
        List<PhoneNumber> phones =
                phone == null ? List.of() : List.of(new PhoneNumber(phone, PhoneNumber.PhoneType.OTHER, true));
        return new CustomerProfile(
                kind,
                company ? null : salutation,
                null,
                company ? null : givenName,
                company ? null : familyName,
                null,
                null,
                company ? companyName : null,
                null,
                null,
                null,
                null,
                List.of(),
                emails,
                phones,
                null,
                List.of(),
                source.acquisitionSource());
    }

    public String displayName() {
        return kind == CustomerKind.COMPANY ? companyName : String.join(" ", givenName, familyName);
    }
}
