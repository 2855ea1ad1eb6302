package org.opencdp.subjectrights;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One service's answer to an access or portability request: all it holds on the subject. */
@Schema(name = "SubjectDataExport")
public record SubjectDataExport(
        @Schema(examples = "profile-service") String service,
        UUID subjectId,
        Instant exportedAt,

        @Schema(description = "Processing is restricted (Art. 18 request or legal hold)")
        boolean restricted,

        List<CategoryExport> categories) {}
