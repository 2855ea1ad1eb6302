package org.opencdp.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Requests over the HTTP layer's limits, sent over a plain socket as a misbehaving client would (HTTP client
 * libraries refuse to send some of them): each gets a problem document, not Vert.x's empty answer.
 */
@QuarkusTest
class HttpLimitsTest {

    @TestHTTPResource("/")
    URI server;

    @Test
    void aBodyDeclaredLargerThanTheLimitIsA413Problem() throws IOException {
        RawResponse response = send("POST /problem-test/people HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2000000\r\n\r\n{\"name\":");

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("connection")).isEqualTo("close");
        JsonPath problem = response.problem();
        assertThat(problem.getString("type")).isEqualTo("urn:opencdp:problem:payload-too-large");
        assertThat(problem.getString("title")).isEqualTo("Payload too large");
        assertThat(problem.getInt("status")).isEqualTo(413);
        assertThat(problem.getString("detail"))
                .isEqualTo("The request body is larger than this service accepts: at most 1048576 bytes.");
        assertThat(problem.getString("instance")).isEqualTo("/problem-test/people");
    }

    @Test
    void aChunkedBodyThatGrowsOverTheLimitIsA413Problem() throws IOException {
        String chunk = "a".repeat(64 * 1024);
        String chunked = (Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n").repeat(20) + "0\r\n\r\n";
        RawResponse response = send("POST /problem-test/people HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked);

        assertThat(response.status()).isEqualTo(413);
        JsonPath problem = response.problem();
        assertThat(problem.getString("type")).isEqualTo("urn:opencdp:problem:payload-too-large");
        assertThat(problem.getString("detail"))
                .isEqualTo("The request body is larger than this service accepts: at most 1048576 bytes.");
        assertThat(problem.getString("instance")).isEqualTo("/problem-test/people");
    }

    @Test
    void aChunkedBodyWithinTheLimitReachesTheResource() throws IOException {
        String body = "{\"name\":\"Erika\",\"emails\":[]}";
        RawResponse response = send("POST /problem-test/people HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"name\":\"Erika\"");
    }

    @Test
    void aBodyOnAnEventLoopPathIsReadInFullBeforeTheEndpointRunsAndElsewhereItIsStreamed() throws IOException {
        String body = "{\"name\":\"" + "E".repeat(40_000) + "\"}"; // several chunks, far over RESTEasy's 10K buffer
        for (String where : new String[] {"read-first", "streamed"}) {
            RawResponse response = send("POST /problem-test/" + where + "/people HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length()
                    + "\r\nConnection: close\r\n\r\n" + body);

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body())
                    .isEqualTo((where.equals("read-first") ? "read first: " : "streamed: ") + body.length());
        }
    }

    @Test
    void anHttp2RequestOnAnEventLoopPathIsStreamedAsBefore() throws IOException, InterruptedException {
        // The JDK's client upgrades a cleartext connection to HTTP/2 (h2c), as the outbox relay's deliveries do.
        String body = "{\"name\":\"" + "E".repeat(40_000) + "\"}";
        try (HttpClient client = HttpClient.newHttpClient()) {
            for (int i = 0; i < 2; i++) { // the upgrade, then a request on the HTTP/2 connection
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(server.resolve("/problem-test/read-first/people"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

                assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).isEqualTo("streamed: " + body.length());
            }
        }
    }

    @Test
    void aBodyOnAnEventLoopPathDeclaredOverTheLimitIsRefusedBeforeItIsRead() throws IOException {
        RawResponse response = send("POST /problem-test/read-first/people HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2000000\r\n\r\n{\"name\":");

        assertThat(response.status()).isEqualTo(413);
        JsonPath problem = response.problem();
        assertThat(problem.getString("type")).isEqualTo("urn:opencdp:problem:payload-too-large");
        assertThat(problem.getString("instance")).isEqualTo("/problem-test/read-first/people");
    }

    @Test
    void aRequestTargetLongerThanTheLimitIsA414ProblemThatDoesNotRepeatIt() throws IOException {
        RawResponse response =
                send("GET /problem-test/page?size=1&q=" + "a".repeat(5_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");

        assertThat(response.status()).isEqualTo(414);
        JsonPath problem = response.problem();
        assertThat(problem.getString("type")).isEqualTo("urn:opencdp:problem:uri-too-long");
        assertThat(problem.getString("detail")).contains("4096 characters");
        assertThat(response.body()).doesNotContain("aaaa");
    }

    @Test
    void headersLargerThanTheLimitAreA431Problem() throws IOException {
        RawResponse response = send("GET /problem-test/page?size=1 HTTP/1.1\r\nHost: localhost\r\n" + "X-Padding: "
                + "b".repeat(30_000) + "\r\n\r\n");

        assertThat(response.status()).isEqualTo(431);
        JsonPath problem = response.problem();
        assertThat(problem.getString("type")).isEqualTo("urn:opencdp:problem:headers-too-large");
        assertThat(problem.getString("title")).isEqualTo("Request header fields too large");
        assertThat(problem.getString("instance")).isEqualTo("/problem-test/page");
    }

    @Test
    void aRequestJustWithinTheLimitsIsServedAsUsual() throws IOException {
        RawResponse response = send("GET /problem-test/page?size=1&q=" + "a".repeat(3_000) + " HTTP/1.1\r\n"
                + "Host: localhost\r\nX-Padding: " + "b".repeat(15_000) + "\r\nConnection: close\r\n\r\n");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{}");
    }

    private RawResponse send(String request) throws IOException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // Every answer here closes the connection: read until it does.
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            return new RawResponse(response.toString(StandardCharsets.UTF_8));
        }
    }

    private record RawResponse(String text) {

        int status() {
            return Integer.parseInt(text.split(" ", 3)[1]);
        }

        String header(String name) {
            for (String line : head().split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith(name + ":")) {
                    return line.substring(name.length() + 1).strip();
                }
            }
            return null;
        }

        String body() {
            return text.substring(text.indexOf("\r\n\r\n") + 4);
        }

        JsonPath problem() {
            assertThat(header("content-type")).isEqualTo(Problem.MEDIA_TYPE);
            return new JsonPath(body());
        }

        private String head() {
            return text.substring(0, text.indexOf("\r\n\r\n"));
        }
    }
}
