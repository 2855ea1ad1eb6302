package org.opencdp.profile.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "InboxPage")
public record InboxPageView(
        @Schema(description = "Oldest first") List<InboxTicketView> items,

        @Schema(
                description = "Pass as cursor to get the next page; absent on the last page",
                examples = "N2QwYzNjNTItOWQ0MS00YjRlLTlhNTctMWYwYTNmMWU2YjJj")
        String next) {}
