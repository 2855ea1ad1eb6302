package org.opencdp.tracking.tracker;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;

/** Websites load the tracker and visitors the demo page without any token, at the paths the README gives. */
@QuarkusTest
@WithPostgres
class TrackerServedTest {

    @Test
    void theMinifiedTrackerIsServedAtItsVersionedPathWithoutAToken() throws IOException {
        byte[] served = given().when()
                .get("/tracker/v1/cdp.js")
                .then()
                .statusCode(200)
                .contentType(containsString("javascript"))
                .extract()
                .asByteArray();

        assertThat(served).isEqualTo(TrackerSizeTest.servedTracker());
    }

    @Test
    void theDemoPageIsServedWithoutATokenAndEmbedsTheTracker() {
        given().when()
                .get("/tracker/demo.html")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<script async src=\"v1/cdp.js\" data-site-key=\"site_demo\"></script>"));
    }
}
