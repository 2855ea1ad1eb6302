package org.opencdp.profile.domain;

import java.util.UUID;

/**
 * A link between a company and one of its contact persons, seen from one side: the other customer (the person on
 * a company, the company on a person), its display name, and the person's job title there. The name is null when
 * the other customer's processing is restricted; so is the job title when that customer is the contact person.
 */
public record ContactLink(UUID customerId, String name, String jobTitle) {}
