package org.opencdp.profile.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TimelinePage")
public record TimelinePageView(
        @Schema(description = "Newest first") List<TimelineEntryView> items,

        @Schema(
                description = "Pass as cursor to get the next page; absent on the last page",
                examples = "N2QwYzNjNTItOWQ0MS00YjRlLTlhNTctMWYwYTNmMWU2YjJj")
        String next) {}
