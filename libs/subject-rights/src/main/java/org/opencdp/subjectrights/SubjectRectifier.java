package org.opencdp.subjectrights;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a service implements (one CDI bean, in whichever layer knows the shape the patch is written against) when it
 * holds data a data subject may have corrected (GDPR Art. 16). Its presence declares {@link SubjectRight#RECTIFICATION}
 * in the capabilities. The library handles the role rule, the receipt by request id (a repeated call changes nothing
 * more) and the audit entry; the rectifier applies the patch, validated as any change of that data is, within the
 * library's transaction.
 */
public interface SubjectRectifier {

    /**
     * Applies the JSON merge patch (RFC 7396) to the subject's data and reports what it corrected. An invalid patch
     * is a 400 problem, an unknown subject a 404, and nothing is changed. {@code requestId} names the data-subject
     * request for the service's own audit entry.
     */
    List<CategoryOutcome> rectify(UUID subjectId, UUID requestId, JsonNode patch);
}
