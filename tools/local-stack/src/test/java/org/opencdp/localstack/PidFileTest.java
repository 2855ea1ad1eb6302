package org.opencdp.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {

    @TempDir
    Path dir;

    @Test
    void aRecordedLiveProcessIsFoundRunning() {
        PidFile file = new PidFile(dir.resolve("pids/me.pid"));

        file.write(ProcessHandle.current());

        assertThat(file.running())
                .map(ProcessHandle::pid)
                .contains(ProcessHandle.current().pid());
        assertThat(file.pidTakenByAnother()).isFalse();
    }

    @Test
    void aPidNowUsedByAnotherProcessIsNotMistakenForOurs() throws Exception {
        PidFile file = new PidFile(dir.resolve("other.pid"));
        // Our own pid, but a start time it never had: as after a reboot that handed the pid to someone else.
        Files.writeString(file.path(), ProcessHandle.current().pid() + " 1000\n");

        assertThat(file.running()).isEmpty();
        assertThat(file.pidTakenByAnother()).isTrue();
    }

    @Test
    void aFinishedProcessIsNotRunning() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        PidFile file = new PidFile(dir.resolve("gone.pid"));
        file.write(finished.toHandle());

        assertThat(file.running()).isEmpty();
    }

    @Test
    void aMissingOrGarbledFileMeansNothingRuns() throws Exception {
        PidFile missing = new PidFile(dir.resolve("missing.pid"));
        PidFile garbled = new PidFile(dir.resolve("garbled.pid"));
        Files.writeString(garbled.path(), "not a pid");

        assertThat(missing.running()).isEmpty();
        assertThat(garbled.running()).isEmpty();
        assertThat(garbled.read()).isEmpty();
    }
}
