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
import org.opencdp.profile.domain.Customer;
import org.opencdp.profile.domain.CustomerProfile;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Encrypts a customer's profile document with the customer's own key, and decrypts it again. */
@ApplicationScoped
public class ProfileCodec {

    static final String PROFILE_FIELD = "customer.profile";
    static final String JOB_TITLE_FIELD = "contact.job-title";

    @Inject
    PersonalDataCipher cipher;

    @Inject
    SubjectKeyVault keys;

    @Inject
    ObjectMapper json;

    public byte[] encrypt(UUID customerId, CustomerProfile profile) {
        return cipher.encrypt(customerId, PROFILE_FIELD, document(profile));
    }

    private String document(CustomerProfile profile) {
        try {
            return json.writeValueAsString(profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For a new customer, with the key of its new subject id ({@link SubjectKeyVault#keyForNewSubject}). */
    public byte[] encryptNew(SubjectKey key, CustomerProfile profile) {
        return key.encrypt(PROFILE_FIELD, document(profile));
    }

    public CustomerProfile decrypt(Customer customer) {
        return read(cipher.decrypt(customer.id, PROFILE_FIELD, customer.encryptedProfile));
    }

    /** Decrypts a page of customers with one key lookup for all of them. */
    public Map<UUID, CustomerProfile> decryptAll(Collection<Customer> customers) {
        Map<UUID, SubjectKey> keysById =
                keys.existingKeys(customers.stream().map(c -> c.id).toList());
        Map<UUID, CustomerProfile> profiles = new HashMap<>();
        for (Customer customer : customers) {
            SubjectKey key = keysById.get(customer.id);
            if (key != null) {
                profiles.put(customer.id, read(key.decrypt(PROFILE_FIELD, customer.encryptedProfile)));
            }
        }
        return profiles;
    }

    public byte[] encryptJobTitle(UUID personId, String jobTitle) {
        return jobTitle == null ? null : cipher.encrypt(personId, JOB_TITLE_FIELD, jobTitle);
    }

    public String decryptJobTitle(UUID personId, byte[] encrypted) {
        return encrypted == null ? null : cipher.decrypt(personId, JOB_TITLE_FIELD, encrypted);
    }

    private CustomerProfile read(String document) {
        try {
            return json.readValue(document, CustomerProfile.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
