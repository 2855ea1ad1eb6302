package org.opencdp.profile.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opencdp.profile.domain.CustomerKind;
import org.opencdp.profile.domain.CustomerProfile;
import org.opencdp.profile.domain.Gender;
import org.opencdp.profile.domain.ProfileAccess;
import org.opencdp.profile.domain.StoredCustomer;

/** The occupation is shown like the other demographic fields: to sales and marketing, not to service or analysts. */
class CustomerViewTest {

    private static final StoredCustomer CARPENTER = new StoredCustomer(
            UUID.randomUUID(),
            CustomerKind.PERSON,
            0,
            Instant.parse("2026-11-25T10:15:30Z"),
            Instant.parse("2026-11-25T10:15:30Z"),
            new CustomerProfile(
                    CustomerKind.PERSON,
                    null,
                    null,
                    "Erika",
                    "Mustermann",
                    LocalDate.parse("1984-08-12"),
                    Gender.FEMALE,
                    null,
                    null,
                    null,
                    null,
                    "de",
                    List.of(),
                    List.of(),
                    List.of(),
                    null,
                    List.of(),
                    null,
                    "Tischlermeisterin"),
            List.of(),
            List.of());

    @ParameterizedTest
    @EnumSource(ProfileAccess.class)
    void theOccupationGoesWhereTheBirthDateGoes(ProfileAccess access) {
        CustomerView view = CustomerView.of(CARPENTER, access, LocalDate.parse("2026-11-27"));

        boolean demographic = access == ProfileAccess.FULL || access == ProfileAccess.MARKETING;
        assertThat(view.occupation()).isEqualTo(demographic ? "Tischlermeisterin" : null);
        assertThat(view.birthDate() != null).isEqualTo(demographic);
    }
}
