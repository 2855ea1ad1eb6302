package org.opencdp.profile.domain;

import java.util.UUID;

/**
 * A person who is a contact of a company (table {@code company_contact}, keyed by both ids), with the job title
 * encrypted under the person's key.
 */
public record CompanyContact(UUID companyId, UUID personId, byte[] encryptedJobTitle) {}
