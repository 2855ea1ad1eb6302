package org.opencdp.profile.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.profile.domain.CallerLookupResult;
import org.opencdp.profile.domain.CallerMatch;
import org.opencdp.profile.domain.CustomerKind;
import org.opencdp.profile.domain.PhoneMarketing;
import org.opencdp.profile.domain.TimelineChannel;

/** Who is calling: a caller card for every customer with the number, or none ("unknown"). */
public record CallerLookupView(
        @Schema(
                description = "unknown: no customer has the number; unique: one has it; shared: several have it "
                        + "(all are listed, none is picked)")
        Match match,

        @Schema(
                nullable = true,
                description = "The number the customers matched, in E.164: the given one, or the number without its "
                        + "extension when no customer has the extension's direct dial",
                examples = "+49301234567")
        String matchedNumber,

        List<CallerCard> callers) {

    public enum Match {
        UNKNOWN,
        UNIQUE,
        SHARED
    }

    /** The minimal card a CTI pop-up shows. */
    public record CallerCard(
            UUID customerId,
            CustomerKind kind,
            @Schema(examples = "Erika Mustermann") String displayName,

            @Schema(
                    nullable = true,
                    description = "A company's own name; for a contact person the company it is linked to (null "
                            + "when it is linked to none)",
                    examples = "Musterbau GmbH")
            String company,

            @Schema(
                    nullable = true,
                    description = "When the newest entry of the customer's communication timeline took place; null "
                            + "when it has none",
                    examples = "2026-11-26T14:03:00Z")
            Instant lastContact,

            @Schema(
                    nullable = true,
                    description = "The channel of that newest timeline entry; null when the timeline has none")
            TimelineChannel lastContactChannel,

            @Schema(
                    description = "How many of the customer's tickets (from the ticket webhooks) are open or pending",
                    examples = "1")
            int openTickets,

            @Schema(
                    description = "true unless a phone-marketing consent is known to be in force: also when "
                            + "consent-service could not be asked (phoneMarketing UNKNOWN)")
            boolean doNotCallForMarketing,

            @Schema(description = "What consent-service said about phone marketing; UNKNOWN when it did not answer")
            PhoneMarketing phoneMarketing) {

        static CallerCard of(CallerMatch match) {
            return new CallerCard(
                    match.customerId(),
                    match.profile().kind(),
                    match.profile().displayName(),
                    match.company(),
                    match.lastContact(),
                    match.lastContactChannel(),
                    match.openTickets(),
                    match.phoneMarketing().doNotCall(),
                    match.phoneMarketing());
        }
    }

    static CallerLookupView of(CallerLookupResult result) {
        List<CallerCard> cards = result.matches().stream().map(CallerCard::of).toList();
        Match match = cards.isEmpty() ? Match.UNKNOWN : cards.size() == 1 ? Match.UNIQUE : Match.SHARED;
        return new CallerLookupView(match, result.matchedNumber(), cards);
    }
}
