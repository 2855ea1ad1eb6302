package org.opencdp.consent.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

@Schema(name = "ConsentHistoryPage")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryPage(
        List<HistoryEntryView> items,

        @Schema(description = "Pass as cursor to get the next page; absent on the last page")
        String next) {}
