package org.opencdp.profile.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

@Schema(name = "CustomerPage")
public record CustomerPage(
        List<CustomerView> items,

        @Schema(
                description = "Pass as cursor to get the next page; absent on the last page",
                examples = "N2QwYzNjNTItOWQ0MS00YjRlLTlhNTctMWYwYTNmMWU2YjJj")
        String next,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
                description = "Only for marketing, only when true: consent-service could not be asked which customers "
                        + "have a direct-marketing consent, so every match was left out (fail closed); try again later")
        Boolean marketingConsentUnavailable) {}
