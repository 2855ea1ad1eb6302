package org.opencdp.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The local mailbox: GreenMail standalone (from the Maven registry) as the SMTP relay of consent-service, so that
 * double opt-in mails arrive somewhere a developer can read them instead of waiting for a relay that is not there.
 * It accepts every mail for every address (no authentication, no TLS) and keeps them in memory only: they are test
 * mails to made-up addresses and are gone after `make stop`. Both ports listen on 127.0.0.1 only.
 */
public final class MailboxServer {

    public static final String COMPONENT = "mailbox";
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> JVM_OPTIONS = List.of("-Xms32m", "-Xmx128m", "-XX:+UseSerialGC");

    private final StackLayout layout;

    public MailboxServer(StackLayout layout) {
        this.layout = layout;
    }

    /** Fails in one sentence when the build did not copy GreenMail. */
    void requirePrerequisites() {
        if (!Files.isRegularFile(layout.mailboxJar())) {
            throw new LocalStackException("the local mailbox " + layout.mailboxJar() + " is missing: "
                    + "run `make run`, which builds first (or `./mvnw -B -pl tools/local-stack package`).");
        }
    }

    /** Starts GreenMail detached; returns at once. */
    ProcessHandle start() {
        return DetachedProcess.start(
                command(), Map.of(), layout.stateDir(), layout.log(COMPONENT), layout.pidFile(COMPONENT));
    }

    List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of(
                "-Dgreenmail.smtp.hostname=127.0.0.1",
                "-Dgreenmail.smtp.port=" + layout.ports().smtp(),
                "-Dgreenmail.api.hostname=127.0.0.1",
                "-Dgreenmail.api.port=" + layout.ports().mailbox(),
                // Any address receives mail without a configured user; consent-service sends without credentials.
                "-Dgreenmail.auth.disabled",
                "-jar",
                layout.mailboxJar().toString()));
        return command;
    }

    /** Waits until its API answers; on timeout or if GreenMail exits, fails with the end of its log. */
    void awaitReady(ProcessHandle process) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!isReady()) {
            if (!process.isAlive()) {
                throw new LocalStackException(
                        "the local mailbox exited while starting.\n" + LogTail.of(layout.log(COMPONENT)));
            }
            if (System.nanoTime() > deadline) {
                throw new LocalStackException("the local mailbox was not ready within " + TIMEOUT.toSeconds() + " s.\n"
                        + LogTail.of(layout.log(COMPONENT)));
            }
            DetachedProcess.sleep(Duration.ofMillis(200));
        }
    }

    public boolean isReady() {
        return HttpProbe.answersOk(layout.mailboxUrl() + "/api/service/readiness");
    }
}
