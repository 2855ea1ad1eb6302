package org.opencdp.subjectrights;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a service declares under the subject-rights contract: the contract version and its data categories. */
@Schema(name = "ContractCapabilities")
public record ContractCapabilities(
        @Schema(examples = "profile-service") String service,
        @Schema(examples = "1") String contractVersion,
        List<DataCategory> categories) {

    public static final String VERSION = "1";
}
