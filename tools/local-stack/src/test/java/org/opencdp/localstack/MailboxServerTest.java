package org.opencdp.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real GreenMail of the build, started as `make run` starts it: a mail sent over SMTP can be read in its API. */
class MailboxServerTest {

    @TempDir
    Path state;

    private StackLayout layout;

    @AfterEach
    void stop() {
        if (layout != null) {
            DetachedProcess.stop(layout.pidFile(MailboxServer.COMPONENT));
        }
    }

    @Test
    void aMailSentOverSmtpCanBeReadThroughTheMailboxApi() throws Exception {
        // The module directory is tools/local-stack; the build copied GreenMail below it before the tests.
        // Away from the other suites' ports, so this passes while `make run` or the e2e suite is up.
        layout = StackLayout.forRepo(Path.of("../..").toAbsolutePath().normalize())
                .withStateDir(state)
                .withPorts(StackPorts.defaults().shiftedBy(40000));
        MailboxServer mailbox = new MailboxServer(layout);
        mailbox.requirePrerequisites();

        mailbox.awaitReady(mailbox.start());
        send("someone@example.org", "Please confirm", "http://localhost:8084/api/v1/public/double-opt-in/abc");

        HttpResponse<String> inbox = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        layout.mailboxUrl() + "/api/user/someone@example.org/messages/INBOX"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(inbox.body())
                .contains("Please confirm")
                .contains("http://localhost:8084/api/v1/public/double-opt-in/abc");
    }

    /** The plain SMTP dialogue, as consent-service's mailer speaks it (no authentication, no TLS). */
    private void send(String to, String subject, String body) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", layout.ports().smtp());
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII)) {
            expect(in, "220");
            for (String[] step : new String[][] {
                {"HELO test", "250"},
                {"MAIL FROM:<no-reply@opencdp.localhost>", "250"},
                {"RCPT TO:<" + to + ">", "250"},
                {"DATA", "354"},
                {"Subject: " + subject + "\r\nTo: " + to + "\r\n\r\n" + body + "\r\n.", "250"},
                {"QUIT", "221"}
            }) {
                out.write(step[0] + "\r\n");
                out.flush();
                expect(in, step[1]);
            }
        }
    }

    private static void expect(BufferedReader in, String code) throws Exception {
        String line = in.readLine();
        while (line != null && line.length() > 3 && line.charAt(3) == '-') {
            line = in.readLine();
        }
        assertThat(line).startsWith(code);
    }
}
