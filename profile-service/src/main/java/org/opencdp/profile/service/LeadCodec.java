package org.opencdp.profile.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.personaldata.PersonalDataCipher;
import org.opencdp.personaldata.SubjectKey;
import org.opencdp.personaldata.SubjectKeyVault;
import org.opencdp.profile.domain.FollowUp;
import org.opencdp.profile.domain.Lead;
import org.opencdp.profile.domain.LeadDetails;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Encrypts a lead's details and follow-up notes with the subject's own key, and decrypts them again. */
@ApplicationScoped
public class LeadCodec {

    static final String DETAILS_FIELD = "lead.details";
    static final String NOTE_FIELD = "follow-up.note";

    @Inject
    PersonalDataCipher cipher;

    @Inject
    SubjectKeyVault keys;

    @Inject
    ObjectMapper json;

    /** For a lead whose id was just generated: creates its key, the subject's key for good. */
    public byte[] encryptNew(UUID leadId, LeadDetails details) {
        return keys.newKey(leadId).encrypt(DETAILS_FIELD, document(details));
    }

    public byte[] encrypt(UUID leadId, LeadDetails details) {
        return cipher.encrypt(leadId, DETAILS_FIELD, document(details));
    }

    /** Null for a converted lead, whose details the customer holds. */
    public LeadDetails decrypt(Lead lead) {
        if (lead.encryptedDetails == null) {
            return null;
        }
        return read(cipher.decrypt(lead.id, DETAILS_FIELD, lead.encryptedDetails));
    }

    /** Decrypts a page of leads with one key lookup; converted leads (no details) are left out. */
    public Map<UUID, LeadDetails> decryptAll(Collection<Lead> leads) {
        Map<UUID, SubjectKey> keysById = keys.existingKeys(leads.stream()
                .filter(l -> l.encryptedDetails != null)
                .map(l -> l.id)
                .toList());
        Map<UUID, LeadDetails> details = new HashMap<>();
        for (Lead lead : leads) {
            SubjectKey key = keysById.get(lead.id);
            if (key != null) {
                details.put(lead.id, read(key.decrypt(DETAILS_FIELD, lead.encryptedDetails)));
            }
        }
        return details;
    }

    public byte[] encryptNote(UUID subjectId, String note) {
        return cipher.encrypt(subjectId, NOTE_FIELD, note);
    }

    public String decryptNote(FollowUp followUp) {
        return cipher.decrypt(followUp.subjectId, NOTE_FIELD, followUp.encryptedNote);
    }

    /** The notes of these follow-ups by follow-up id, with one key lookup; those without a note are left out. */
    public Map<UUID, String> decryptNotes(Collection<FollowUp> followUps) {
        Map<UUID, SubjectKey> keysById = keys.existingKeys(
                followUps.stream().map(f -> f.subjectId).distinct().toList());
        Map<UUID, String> notes = new HashMap<>();
        for (FollowUp followUp : followUps) {
            SubjectKey key = keysById.get(followUp.subjectId);
            if (key != null && followUp.encryptedNote != null) {
                notes.put(followUp.id, key.decrypt(NOTE_FIELD, followUp.encryptedNote));
            }
        }
        return notes;
    }

    private String document(LeadDetails details) {
        try {
            return json.writeValueAsString(details);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private LeadDetails read(String document) {
        try {
            return json.readValue(document, LeadDetails.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
