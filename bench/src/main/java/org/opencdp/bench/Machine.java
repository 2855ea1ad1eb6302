package org.opencdp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the figures were measured on, for the report. */
final class Machine {

    private Machine() {}

    static String describe() {
        String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name");
        String memory = firstValue(Path.of("/proc/meminfo"), "MemTotal");
        long memoryGiB = memory.isEmpty() ? 0 : Long.parseLong(memory.replaceAll("[^0-9]", "")) / (1024 * 1024);
        return String.format(
                "%d cores (%s), %d GiB RAM, %s %s, JDK %s",
                Runtime.getRuntime().availableProcessors(),
                cpu.isEmpty() ? "unknown CPU" : cpu,
                memoryGiB,
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                Runtime.version());
    }

    private static String firstValue(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream()
                    .filter(l -> l.startsWith(key))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("");
        } catch (IOException e) {
            return "";
        }
    }
}
