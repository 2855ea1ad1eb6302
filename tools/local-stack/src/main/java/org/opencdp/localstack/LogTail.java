package org.opencdp.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The last lines of a log, to show with a failure so the reader sees why without opening the file. */
final class LogTail {

    static final int LINES = 25;

    private LogTail() {}

    static String of(Path log) {
        try {
            // Decoded leniently: a log may hold bytes that are not UTF-8.
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            List<String> tail = lines.subList(Math.max(0, lines.size() - LINES), lines.size());
            return "--- last lines of " + log + " ---\n" + String.join("\n", tail);
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }
}
