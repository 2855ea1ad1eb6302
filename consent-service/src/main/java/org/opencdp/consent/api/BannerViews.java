package org.opencdp.consent.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.consent.domain.Channel;
import org.opencdp.consent.domain.ConsentAction;
import org.opencdp.consent.domain.Decision;
import org.opencdp.consent.domain.DecisionReason;
import org.opencdp.consent.domain.LedgerEntry;
import org.opencdp.consent.domain.RecordedBy;
import org.opencdp.consent.service.BannerConsents;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The bodies of the cookie banner's public endpoints ({@link BannerResource}). */
final class BannerViews {

    static final String PURPOSES_EXAMPLE = "[{\"purpose\":\"personalisation\",\"version\":1,\"language\":\"de\","
            + "\"title\":\"Persönliche Empfehlungen\",\"body\":\"Wir nutzen Ihre Käufe ...\",\"textHash\":\""
            + ConsentExamples.HASH + "\","
            + "\"dataCategories\":[\"purchases\"],\"retention\":\"bis zum Widerruf\"},"
            + "{\"purpose\":\"web-analytics\",\"version\":1,\"language\":\"de\",\"title\":\"Webanalyse\","
            + "\"body\":\"Wir messen ...\",\"textHash\":\"" + ConsentExamples.HASH
            + "\",\"dataCategories\":[\"page views\"],"
            + "\"retention\":\"13 Monate\"}]";
    static final String CHOICE_EXAMPLE =
            "{\"visitorId\":\"" + ConsentExamples.VISITOR + "\",\"language\":\"de\",\"choices\":["
                    + "{\"purpose\":\"web-analytics\",\"version\":1,\"textHash\":\"" + ConsentExamples.HASH
                    + "\",\"granted\":true},"
                    + "{\"purpose\":\"personalisation\",\"version\":1,\"textHash\":\"" + ConsentExamples.HASH
                    + "\",\"granted\":false}]}";
    static final String CHOSEN_EXAMPLE = "{\"visitorId\":\"" + ConsentExamples.VISITOR + "\",\"choices\":["
            + "{\"purpose\":\"web-analytics\",\"granted\":true,\"entryId\":\"019ac1a0-7e2b-7c4d-8e1f-2a3b4c5d6e7f\","
            + "\"changed\":true},{\"purpose\":\"personalisation\",\"granted\":false,\"changed\":false}]}";
    static final String VISITOR_EXAMPLE = "{\"visitorId\":\"" + ConsentExamples.VISITOR + "\",\"decisions\":["
            + "{\"purpose\":\"personalisation\",\"allowed\":false,\"reason\":\"NOT_GRANTED\"},"
            + "{\"purpose\":\"web-analytics\",\"allowed\":true,\"reason\":\"GRANTED\","
            + "\"entryId\":\"019ac1a0-7e2b-7c4d-8e1f-2a3b4c5d6e7f\"}],\"history\":["
            + "{\"entryId\":\"019ac1a0-7e2b-7c4d-8e1f-2a3b4c5d6e7f\",\"action\":\"GRANT\",\"purpose\":\"web-analytics\","
            + "\"version\":1,\"language\":\"de\",\"textHash\":\"" + ConsentExamples.HASH
            + "\",\"channel\":\"COOKIE_BANNER\","
            + "\"recordedAt\":\"2026-11-26T14:03:07Z\",\"recordedBy\":\"SITE\"}]}";

    private BannerViews() {}

    @Schema(name = "BannerPurpose", description = "A purpose a cookie banner asks about, with the text to show")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PurposeView(
            @Schema(examples = "web-analytics") String purpose,

            @Schema(description = "The current version: send it back with the choice", examples = "1")
            int version,

            @Schema(description = "The language of this text: send it back with the choice", examples = "de")
            String language,

            String title,
            String body,

            @Schema(description = "SHA-256 of the text: send it back with the choice")
            String textHash,

            List<String> dataCategories,
            String retention) {

        static PurposeView of(BannerConsents.BannerPurpose shown) {
            return new PurposeView(
                    shown.purpose().id(),
                    shown.version(),
                    shown.text().language(),
                    shown.text().title(),
                    shown.text().body(),
                    shown.text().hash(),
                    shown.purpose().dataCategories(),
                    shown.purpose().retention());
        }
    }

    @Schema(name = "BannerChoice", description = "A visitor's choice in the cookie banner, for every purpose shown")
    record ChoiceInput(
            @Schema(hidden = true) String subjectId,

            @NotNull
            @Schema(
                    description = "The visitor: 32 lowercase hex digits (128 random bits, e.g. the tracker's "
                            + "`cdpTracker.visitorId()`)",
                    examples = ConsentExamples.VISITOR)
            String visitorId,

            @NotNull
            @Pattern(regexp = PurposeInput.LANGUAGE, message = "must be a language tag like de or de-AT")
            @Schema(description = "The language of the texts shown (as the purposes answer said)", examples = "de")
            String language,

            @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid PurposeChoice> choices) {}

    @Schema(name = "BannerPurposeChoice", description = "Granted or refused, for the text shown")
    record PurposeChoice(
            @NotNull @Size(max = 64) @Schema(examples = "web-analytics")
            String purpose,

            @NotNull @Min(1) @Schema(examples = "1") Integer version,

            @NotNull @Pattern(regexp = "^[0-9a-f]{64}$", message = "must be the hex SHA-256 of the text shown")
            String textHash,

            @NotNull Boolean granted) {

        BannerConsents.Choice toChoice() {
            return new BannerConsents.Choice(purpose, version, textHash, granted);
        }
    }

    @Schema(name = "BannerChoiceRecorded", description = "What the choice did, per purpose")
    record ChosenView(String visitorId, List<Outcome> choices) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Outcome(
            String purpose,
            boolean granted,

            @Schema(description = "The GRANT or REVOKE entry recorded, or the entry in force when nothing changed")
            UUID entryId,

            @Schema(description = "false: refused what was never granted or is refused already (nothing recorded)")
            boolean changed) {

        static Outcome of(BannerConsents.ChoiceOutcome outcome) {
            return new Outcome(outcome.purposeId(), outcome.granted(), outcome.entryId(), outcome.changed());
        }
    }

    @Schema(name = "VisitorConsents", description = "A visitor's current decisions and own ledger entries")
    record VisitorView(String visitorId, List<DecisionItem> decisions, List<EntryItem> history) {

        static VisitorView of(String visitorId, BannerConsents.VisitorConsents consents) {
            return new VisitorView(
                    visitorId,
                    consents.decisions().stream().map(DecisionItem::of).toList(),
                    consents.history().stream().map(EntryItem::of).toList());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DecisionItem(String purpose, boolean allowed, DecisionReason reason, UUID entryId) {

        static DecisionItem of(Decision decision) {
            return new DecisionItem(
                    decision.query().purposeId(), decision.allowed(), decision.reason(), decision.entryId());
        }
    }

    /** An entry as the visitor may see it: the proof, without who recorded it beyond the kind. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EntryItem(
            UUID entryId,
            ConsentAction action,
            String purpose,
            Integer version,
            String language,
            String textHash,
            Channel channel,
            Instant recordedAt,
            RecordedBy.Kind recordedBy) {

        static EntryItem of(LedgerEntry e) {
            return new EntryItem(
                    e.id(),
                    e.action(),
                    e.purposeId(),
                    e.purposeVersion(),
                    e.language(),
                    e.textHash(),
                    e.channel(),
                    e.recordedAt(),
                    e.recordedBy().kind());
        }
    }
}
