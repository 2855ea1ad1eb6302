package org.opencdp.consent.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.opencdp.consent.domain.Channel;
import org.opencdp.consent.domain.Decision;
import org.opencdp.consent.domain.DecisionQuery;
import org.opencdp.consent.domain.Holder;
import org.opencdp.consent.domain.LedgerEntry;
import org.opencdp.consent.domain.Purpose;
import org.opencdp.consent.domain.PurposeText;
import org.opencdp.consent.domain.PurposeVersion;
import org.opencdp.consent.domain.RecordConsent;
import org.opencdp.consent.domain.RecordedBy;
import org.opencdp.consent.domain.RecordedConsent;
import org.opencdp.consent.domain.Revocation;
import org.opencdp.consent.repository.LedgerRepository;
import org.opencdp.problem.ProblemException;

/**
 * The cookie banner's side of the ledger: what a banner asks about, the visitor's choice recorded in one
 * transaction (grants through {@link ConsentLedger#record}, the rest through one {@link ConsentLedger#revoke}),
 * and the visitor's own decisions and entries. Only visitors: a website never records consent for a subject.
 */
@ApplicationScoped
public class BannerConsents {

    /** The most entries a visitor's own history shows (a banner's visitor makes a handful of choices). */
    public static final int HISTORY_LIMIT = 500;

    @Inject
    PurposeCatalog catalog;

    @Inject
    ConsentLedger ledger;

    @Inject
    Decisions decisions;

    @Inject
    LedgerRepository entries;

    @Inject
    BannerSettings settings;

    /** A purpose as a banner shows it: its current version's text in the language shown. */
    public record BannerPurpose(Purpose purpose, int version, PurposeText text) {}

    /** One purpose of the visitor's choice, naming the text the banner showed. */
    public record Choice(String purposeId, int version, String textHash, boolean granted) {}

    /** What a choice did: the entry in force for the purpose now, and whether this choice changed it. */
    public record ChoiceOutcome(String purposeId, boolean granted, UUID entryId, boolean changed) {}

    /** The visitor's current decision for each banner purpose, and the visitor's entries, oldest first. */
    public record VisitorConsents(List<Decision> decisions, List<LedgerEntry> history) {}

    /**
     * The purposes a banner asks about: those resting on consent, except double opt-in ones (a banner takes no
     * e-mail address), each with its current version's text in {@code language}, else in its primary language
     * ({@code de} for {@code de-AT}), else in the default language, else in the first language it has.
     */
    public List<BannerPurpose> purposes(String language) {
        List<BannerPurpose> shown = new ArrayList<>();
        for (Purpose purpose : catalog.all()) {
            if (askedByBanners(purpose)) {
                PurposeVersion version = catalog.version(purpose.id(), purpose.latestVersion());
                shown.add(new BannerPurpose(purpose, version.version(), textIn(version, language)));
            }
        }
        shown.sort(Comparator.comparing(p -> p.purpose().id()));
        return shown;
    }

    /**
     * Records a visitor's choice in one transaction, all or nothing: every choice must name a banner purpose once,
     * an existing version, a text in {@code language} and that text's hash (422 otherwise, nothing recorded).
     * Granted purposes get a GRANT each; the others are revoked in one call (one {@code consent.revoked}; a purpose
     * never granted is an idempotent no-change), all with channel COOKIE_BANNER, recorded by the site.
     */
    @Transactional
    public List<ChoiceOutcome> choose(Holder visitor, String language, List<Choice> choices, RecordedBy site) {
        Set<String> seen = new HashSet<>();
        for (Choice choice : choices) {
            if (!seen.add(choice.purposeId())) {
                throw ProblemException.unprocessable("Purpose " + choice.purposeId() + " is chosen twice.");
            }
            requireShown(choice, language);
        }
        List<ChoiceOutcome> outcomes = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Choice choice : choices) {
            if (choice.granted()) {
                RecordedConsent recorded = ledger.record(
                        new RecordConsent(
                                visitor,
                                choice.purposeId(),
                                choice.version(),
                                language,
                                choice.textHash(),
                                Channel.COOKIE_BANNER,
                                null,
                                null),
                        site);
                outcomes.add(new ChoiceOutcome(choice.purposeId(), true, recorded.entryId(), true));
            } else {
                refused.add(choice.purposeId());
            }
        }
        if (!refused.isEmpty()) {
            for (Revocation revocation : ledger.revoke(visitor, refused, Channel.COOKIE_BANNER, null, site)) {
                outcomes.add(
                        new ChoiceOutcome(revocation.purposeId(), false, revocation.entryId(), revocation.changed()));
            }
        }
        return outcomes;
    }

    /** The visitor's decisions for the banner purposes and its entries: what the visitor may see of its own. */
    public VisitorConsents of(Holder visitor) {
        List<DecisionQuery> queries = catalog.all().stream()
                .filter(BannerConsents::askedByBanners)
                .map(p -> new DecisionQuery(visitor, p.id()))
                .sorted(Comparator.comparing(DecisionQuery::purposeId))
                .toList();
        List<Decision> current = queries.isEmpty() ? List.of() : decisions.decideAll(queries);
        return new VisitorConsents(current, entries.entries(visitor, 0, HISTORY_LIMIT));
    }

    private void requireShown(Choice choice, String language) {
        Purpose purpose = catalog.known(choice.purposeId());
        if (!askedByBanners(purpose)) {
            throw ProblemException.unprocessable("Purpose " + purpose.id() + " is not one a cookie banner asks about"
                    + (purpose.doubleOptIn()
                            ? " (it needs a double opt-in by e-mail)."
                            : " (it does not rest on consent)."));
        }
        PurposeVersion version = catalog.knownVersion(purpose.id(), choice.version());
        Optional<PurposeText> text = version.text(language);
        if (text.isEmpty() || !text.get().hash().equals(choice.textHash())) {
            throw ProblemException.unprocessable("textHash is not the hash of version " + version.version() + " of "
                    + purpose.id() + " in " + language + ": show the current text and send its hash.");
        }
    }

    private PurposeText textIn(PurposeVersion version, String language) {
        String primary = language == null ? null : language.split("-")[0];
        return Optional.ofNullable(language)
                .flatMap(version::text)
                .or(() -> Optional.ofNullable(primary).flatMap(version::text))
                .or(() -> version.text(settings.defaultLanguage()))
                .orElseGet(() -> version.texts().values().stream()
                        .min(Comparator.comparing(PurposeText::language))
                        .orElseThrow());
    }

    private static boolean askedByBanners(Purpose purpose) {
        return purpose.needsConsent() && !purpose.doubleOptIn();
    }
}
