package org.opencdp.profile.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.profile.domain.CallerLookupResult;
import org.opencdp.profile.domain.CallerMatch;
import org.opencdp.profile.domain.CustomerKind;
import org.opencdp.profile.domain.EmailAddress;
import org.opencdp.profile.domain.PhoneNumber;
import org.opencdp.profile.domain.PhoneNumber.PhoneType;

/**
 * The caller lookup as 3CX's CRM template (integrations/3cx/opencdp-crm-template.xml) maps it: one entry per matching
 * customer, each field named after the 3CX variable it fills. No match is an empty list.
 */
public record ThreeCxLookupView(List<Contact> contacts) {

    public record Contact(
            @Schema(description = "3CX ContactID and EntityId: the customer id")
            String contactId,

            @Schema(description = "3CX FirstName; empty for a company")
            String firstName,

            @Schema(description = "3CX LastName; a company's name for a company")
            String lastName,

            @Schema(description = "3CX CompanyName") String companyName,

            @Schema(description = "3CX Email: the primary e-mail address, else the first")
            String email,

            @Schema(description = "3CX PhoneBusiness: the first work or landline number, E.164")
            String phoneBusiness,

            @Schema(description = "3CX PhoneMobile: the first mobile number, E.164")
            String phoneMobile,

            @Schema(description = "3CX ContactUrl: the customer in the CRM frontend")
            String contactUrl,

            @Schema(description = "true unless a phone-marketing consent is known to be in force")
            boolean doNotCallForMarketing,

            @Schema(description = "How many of the customer's tickets are open or pending")
            int openTickets) {

        static Contact of(CallerMatch match, String contactUrl) {
            var profile = match.profile();
            boolean company = profile.kind() == CustomerKind.COMPANY;
            String id = match.customerId().toString();
            return new Contact(
                    id,
                    company ? "" : orEmpty(profile.givenName()),
                    company ? orEmpty(profile.companyName()) : orEmpty(profile.familyName()),
                    orEmpty(match.company()),
                    profile.emails().stream()
                            .filter(EmailAddress::primary)
                            .findFirst()
                            .or(() -> profile.emails().stream().findFirst())
                            .map(EmailAddress::address)
                            .orElse(""),
                    phone(profile.phones(), PhoneType.WORK, PhoneType.LANDLINE),
                    phone(profile.phones(), PhoneType.MOBILE),
                    contactUrl + id,
                    match.phoneMarketing().doNotCall(),
                    match.openTickets());
        }

        private static String phone(List<PhoneNumber> phones, PhoneType... types) {
            for (PhoneType type : types) {
                for (PhoneNumber phone : phones) {
                    if (phone.type() == type) {
                        return phone.number();
                    }
                }
            }
            return "";
        }

        private static String orEmpty(String value) {
            return value == null ? "" : value;
        }
    }

    static ThreeCxLookupView of(CallerLookupResult result, String contactUrl) {
        return new ThreeCxLookupView(result.matches().stream()
                .map(match -> Contact.of(match, contactUrl))
                .toList());
    }
}
