package org.opencdp.subjectrights;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a service declares under the subject-rights contract: the contract version, its data categories, the
 * data-subject rights it honours (retention-service picks a request's participants by them), and the retention
 * categories its purge deletes ({@code POST /api/v1/retention/purge}).
 */
@Schema(name = "ContractCapabilities")
public record ContractCapabilities(
        @Schema(examples = "profile-service") String service,
        @Schema(examples = "1") String contractVersion,
        List<DataCategory> categories,

        @Schema(
                description = "The rights this service honours; every service honours EXPORT, ERASURE and RESTRICTION",
                examples = "[\"EXPORT\",\"ERASURE\",\"RESTRICTION\",\"RECTIFICATION\"]")
        List<SubjectRight> rights,

        @Schema(
                description = "The retention categories this service holds and purges",
                examples = "[\"tracking-raw-events\", \"audit-trail\"]")
        List<String> retentionCategories) {

    public static final String VERSION = "1";
}
