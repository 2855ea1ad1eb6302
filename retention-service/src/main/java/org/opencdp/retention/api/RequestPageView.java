package org.opencdp.retention.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.requestparameters.RequestParameters;
import org.opencdp.retention.domain.RequestPage;

import com.fasterxml.jackson.annotation.JsonInclude;

@Schema(name = "RequestPage", description = "One page of requests, without their tasks")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestPageView(
        List<RequestView> items,

        @Schema(
                description = "Pass as cursor to get the next page; absent on the last page",
                examples = "MGI0ZjdjMWUtMmEzZC00ZTVmLThhOWItMGMxZDJlM2Y0YTVi")
        String next) {

    static RequestPageView of(RequestPage page) {
        return new RequestPageView(
                page.requests().stream().map(RequestView::of).toList(),
                page.next() == null ? null : RequestParameters.cursorOf(page.next()));
    }
}
