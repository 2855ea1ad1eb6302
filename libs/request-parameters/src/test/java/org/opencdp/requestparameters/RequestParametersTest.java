package org.opencdp.requestparameters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencdp.problem.Problem;
import org.opencdp.problem.ProblemException;
import org.opencdp.problem.ProblemType;

class RequestParametersTest {

    @Test
    void aCanonicalUuidIsReadAndAnythingElseNamesTheParameter() {
        UUID id = UUID.randomUUID();
        assertThat(RequestParameters.uuid("id", " " + id + " ")).isEqualTo(id);
        assertInvalid(() -> RequestParameters.uuid("id", "42"), "id", "must be a UUID");
        assertInvalid(() -> RequestParameters.uuid("id", "1-1-1-1-1"), "id", "must be a UUID");
        assertInvalid(() -> RequestParameters.uuid("id", " "), "id", "is required");
    }

    @Test
    void aPageSizeIsTheDefaultWhenAbsentAndMustLieWithinTheLimit() {
        assertThat(RequestParameters.pageSize("limit", null, 20, 100)).isEqualTo(20);
        assertThat(RequestParameters.pageSize("limit", "100", 20, 100)).isEqualTo(100);
        assertInvalid(() -> RequestParameters.pageSize("limit", "101", 20, 100), "limit", "from 1 to 100");
        assertInvalid(() -> RequestParameters.pageSize("limit", "0", 20, 100), "limit", "from 1 to 100");
        assertInvalid(() -> RequestParameters.pageSize("limit", "ten", 20, 100), "limit", "from 1 to 100");
    }

    @Test
    void aCursorLeadsBackToTheIdItWasMadeOf() {
        UUID last = UUID.randomUUID();
        assertThat(RequestParameters.cursor("cursor", RequestParameters.cursorOf(last)))
                .isEqualTo(last);
        assertThat(RequestParameters.cursor("cursor", null)).isNull();
        assertInvalid(() -> RequestParameters.cursor("cursor", "not-a-cursor"), "cursor", "is not a cursor");
    }

    private static void assertInvalid(Runnable parse, String field, String message) {
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(ProblemException.class, e -> {
            Problem problem = e.toProblem();
            assertThat(e.type()).isEqualTo(ProblemType.VALIDATION);
            assertThat(problem.errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo(field);
                assertThat(error.message()).contains(message);
            });
        });
    }
}
