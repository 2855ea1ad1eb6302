package org.opencdp.profile.api;

import java.util.UUID;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.opencdp.requestparameters.RequestParameters;

/**
 * The paging of every list of this service, taken as {@code @BeanParam PageQuery}: the cursor of the previous page's
 * {@code next} and a page size of 1 to 100 (20 when absent), documented and parsed in one place. Read
 * {@link #size()} before {@link #after()}, so that a request with both wrong names the limit, as every list always
 * did.
 */
public class PageQuery {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;

    @Parameter(description = "From the previous page's next")
    @QueryParam("cursor")
    String cursor;

    @Parameter(
            description = "Page size, 1 to 100",
            example = "20",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
    @QueryParam("limit")
    String limit;

    int size() {
        return RequestParameters.pageSize("limit", limit, DEFAULT_SIZE, MAX_SIZE);
    }

    UUID after() {
        return RequestParameters.cursor("cursor", cursor);
    }

    /** The cursor that continues after the page's last entry, or null on the last page. */
    static String next(UUID last) {
        return last == null ? null : RequestParameters.cursorOf(last);
    }
}
