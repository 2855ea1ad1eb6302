package org.opencdp.profile.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.personaldata.BlindIndex;
import org.opencdp.personaldata.SubjectKey;
import org.opencdp.personaldata.SubjectKeyDestroyedException;
import org.opencdp.personaldata.SubjectKeyVault;
import org.opencdp.profile.domain.StoredTimelineEntry;
import org.opencdp.profile.domain.TimelineEntry;

/** Encrypts a timeline entry's content fields with the customer's key and decrypts them again. */
@ApplicationScoped
class TimelineCodec {

    static final String AGENT_FIELD = "timeline.agent";
    static final String SUMMARY_FIELD = "timeline.summary";
    static final String REFERENCE_FIELD = "timeline.external-reference";
    private static final String REFERENCE_INDEX = "timeline.reference";

    @Inject
    SubjectKeyVault keys;

    @Inject
    BlindIndex blindIndex;

    /** Encrypts agent, summary and external reference of a new entry with its subject's key. */
    void encrypt(TimelineEntry entry, String agent, String summary, String externalReference) {
        SubjectKey key = keys.keyFor(entry.subjectId);
        entry.encryptedAgent = key.encrypt(AGENT_FIELD, agent);
        entry.encryptedSummary = summary == null ? null : key.encrypt(SUMMARY_FIELD, summary);
        entry.encryptedExternalReference =
                externalReference == null ? null : key.encrypt(REFERENCE_FIELD, externalReference);
    }

    /** The keyed hash that makes source and external reference unique without storing them in clear. */
    byte[] referenceHash(String source, String externalReference) {
        return blindIndex.exact(REFERENCE_INDEX, source + "\n" + externalReference);
    }

    /** Entries of one subject, decrypted with one key lookup. */
    List<StoredTimelineEntry> decrypt(UUID subjectId, List<TimelineEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        SubjectKey key = keys.existingKey(subjectId).orElseThrow(() -> new SubjectKeyDestroyedException(subjectId));
        return entries.stream().map(entry -> decrypt(key, entry)).toList();
    }

    /**
     * Entries of one subject for an access request: decrypted while the subject's key exists; once a legal hold has
     * ended and the key is destroyed, the kept entries (until the purge removes them) show their clear fields only.
     */
    List<StoredTimelineEntry> decryptReadable(UUID subjectId, List<TimelineEntry> entries) {
        if (entries.isEmpty() || keys.existingKey(subjectId).isPresent()) {
            return decrypt(subjectId, entries);
        }
        return entries.stream()
                .map(entry -> new StoredTimelineEntry(
                        entry.id,
                        entry.subjectId,
                        entry.channel,
                        entry.direction,
                        entry.occurredAt,
                        entry.durationSeconds,
                        null,
                        null,
                        entry.source,
                        null,
                        entry.businessLetter,
                        entry.recordedAt))
                .toList();
    }

    private static StoredTimelineEntry decrypt(SubjectKey key, TimelineEntry entry) {
        return new StoredTimelineEntry(
                entry.id,
                entry.subjectId,
                entry.channel,
                entry.direction,
                entry.occurredAt,
                entry.durationSeconds,
                key.decrypt(AGENT_FIELD, entry.encryptedAgent),
                entry.encryptedSummary == null ? null : key.decrypt(SUMMARY_FIELD, entry.encryptedSummary),
                entry.source,
                entry.encryptedExternalReference == null
                        ? null
                        : key.decrypt(REFERENCE_FIELD, entry.encryptedExternalReference),
                entry.businessLetter,
                entry.recordedAt);
    }
}
