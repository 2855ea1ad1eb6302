package org.opencdp.tracking.api;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.tracking.domain.EventResult;
import org.opencdp.tracking.service.BatchOutcome;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The answer to a batch: counts, and what became of each event in the batch's order. */
public record CollectAnswer(
        @Schema(description = "Events stored", examples = "2")
        long accepted,

        @Schema(
                description = "Events stored already, sent twice in this batch or in an earlier one (kept once)",
                examples = "0")
        long duplicates,

        @Schema(
                description = "Events dropped because their holder has no consent for web-analytics (reason "
                        + "no-consent) or their subject's processing is restricted (reason restricted)",
                examples = "0")
        long dropped,

        @Schema(description = "Events refused as malformed (the reason is in their result)", examples = "1")
        long rejected,

        List<Result> results) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(
            @Schema(
                    enumeration = {"accepted", "duplicate", "dropped", "rejected"},
                    examples = "rejected")
            String status,

            @Schema(
                    description = "Why it was dropped or rejected",
                    examples = "scrollDepth: must be a whole number from 0 to 100")
            String reason) {}

    static CollectAnswer of(BatchOutcome outcome) {
        return new CollectAnswer(
                outcome.count(EventResult.Status.ACCEPTED),
                outcome.count(EventResult.Status.DUPLICATE),
                outcome.count(EventResult.Status.DROPPED),
                outcome.count(EventResult.Status.REJECTED),
                outcome.results().stream().map(CollectAnswer::result).toList());
    }

    /** The statuses as the API writes them, and their results without a reason: made once, not per event. */
    private static final String[] STATUS = Arrays.stream(EventResult.Status.values())
            .map(status -> status.name().toLowerCase(Locale.ROOT))
            .toArray(String[]::new);

    private static final Result[] WITHOUT_REASON =
            Arrays.stream(STATUS).map(status -> new Result(status, null)).toArray(Result[]::new);

    private static Result result(EventResult event) {
        int status = event.status().ordinal();
        return event.reason() == null ? WITHOUT_REASON[status] : new Result(STATUS[status], event.reason());
    }

    static final String EXAMPLE_BATCH = """
            {"events":[
              {"type":"page_view","visitorId":"3f9c0a6e1b2d4c5e8f7a6b5c4d3e2f10","sessionId":"a1b2c3d4e5f60718293a4b5c6d7e8f90",
               "url":"https://shop.example/tents","clientTime":"2026-11-26T14:03:07.412Z","referrer":"https://search.example/"},
              {"type":"click","visitorId":"3f9c0a6e1b2d4c5e8f7a6b5c4d3e2f10","sessionId":"a1b2c3d4e5f60718293a4b5c6d7e8f90",
               "url":"https://shop.example/tents","clientTime":"2026-11-26T14:03:15.020Z","element":"add-to-cart:tent-fjell-2"},
              {"type":"page_leave","visitorId":"3f9c0a6e1b2d4c5e8f7a6b5c4d3e2f10","sessionId":"a1b2c3d4e5f60718293a4b5c6d7e8f90",
               "url":"https://shop.example/tents","clientTime":"2026-11-26T14:04:02.731Z","dwellMs":55319,"scrollDepth":172}
            ]}""";

    static final String EXAMPLE_ANSWER = """
            {"accepted":2,"duplicates":0,"dropped":0,"rejected":1,"results":[{"status":"accepted"},{"status":"accepted"},
             {"status":"rejected","reason":"scrollDepth: must be a whole number from 0 to 100"}]}""";
}
