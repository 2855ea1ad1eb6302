package org.opencdp.profile.api;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CreatedCustomers", description = "The new customers, in the order they were sent.")
public record CreatedCustomers(List<Created> created) {

    @Schema(name = "CreatedCustomer")
    public record Created(
            @Schema(examples = CustomerExamples.ID) UUID id,

            @Schema(description = "Version, for If-Match on updates", examples = "0")
            long version,

            @Schema(description = "URL of the customer", examples = "/api/v1/customers/" + CustomerExamples.ID)
            String location) {}
}
