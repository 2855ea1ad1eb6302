package org.opencdp.profile.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.profile.domain.CustomerProfile;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What a client sends to create or replace a customer: a person (B2C, or a company's contact) or a company (B2B).
 * Ids, versions and timestamps are never accepted from a client.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = PersonInput.class, name = "PERSON"),
    @JsonSubTypes.Type(value = CompanyInput.class, name = "COMPANY")
})
@Schema(
        name = "CustomerInput",
        oneOf = {PersonInput.class, CompanyInput.class},
        discriminatorProperty = "type",
        discriminatorMapping = {
            @DiscriminatorMapping(value = "PERSON", schema = PersonInput.class),
            @DiscriminatorMapping(value = "COMPANY", schema = CompanyInput.class)
        })
public sealed interface CustomerInput permits PersonInput, CompanyInput {

    CustomerProfile toProfile();

    static <T, R> List<R> map(List<T> items, java.util.function.Function<T, R> mapper) {
        return items == null ? List.of() : items.stream().map(mapper).toList();
    }
}
