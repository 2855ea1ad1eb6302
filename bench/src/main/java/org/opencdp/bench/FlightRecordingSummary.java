package org.opencdp.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * profile-service's flight recording within one phase, reduced to what can make a request slow: pauses of the
 * collector and of safepoints, threads waiting on sockets (by port: PostgreSQL, Keycloak, another service), on
 * locks and monitors, JIT compilations still going on, and where the CPU went.
 */
final class FlightRecordingSummary {

    private final Path file;
    private final Instant from;
    private final Instant to;

    FlightRecordingSummary(Path file, Instant from, Instant to) {
        this.file = file;
        this.from = from;
        this.to = to;
    }

    List<String> lines() throws IOException {
        Stats gc = new Stats();
        Stats safepoints = new Stats();
        Stats compilations = new Stats();
        Map<String, Stats> socketReads = new HashMap<>();
        Map<String, Stats> parks = new HashMap<>();
        Map<String, Stats> monitors = new HashMap<>();
        Map<String, Integer> hotFrames = new HashMap<>();
        Map<String, Integer> hotOwnFrames = new HashMap<>();
        List<Span> slowRequests = new ArrayList<>();
        List<Span> interference = new ArrayList<>();
        int samples = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (event.getStartTime().isBefore(from) || event.getStartTime().isAfter(to)) {
                    continue;
                }
                switch (event.getEventType().getName()) {
                    case "org.opencdp.HttpRequest" ->
                        slowRequests.add(new Span(event.getString("method") + " " + event.getString("path"), event));
                    case "jdk.GarbageCollection" -> {
                        gc.add(event.getDuration("longestPause"));
                        interference.add(new Span("collection", event));
                    }
                    case "jdk.SafepointBegin" -> {
                        safepoints.add(event.getDuration());
                        interference.add(new Span("safepoint", event));
                    }
                    case "jdk.Compilation" -> {
                        compilations.add(event.getDuration());
                        interference.add(new Span("JIT compilation", event));
                    }
                    case "jdk.SocketRead" -> {
                        stats(socketReads, "port " + event.getInt("port")).add(event.getDuration());
                        interference.add(new Span("socket read port " + event.getInt("port"), event));
                    }
                    case "jdk.ThreadPark" ->
                        stats(parks, className(event, "parkedClass")).add(event.getDuration());
                    case "jdk.JavaMonitorEnter" ->
                        stats(monitors, className(event, "monitorClass")).add(event.getDuration());
                    case "jdk.ExecutionSample" -> {
                        samples++;
                        RecordedStackTrace stack = event.getStackTrace();
                        if (stack != null && !stack.getFrames().isEmpty()) {
                            hotFrames.merge(frame(stack.getFrames().getFirst()), 1, Integer::sum);
                            stack.getFrames().stream()
                                    .filter(f ->
                                            f.getMethod().getType().getName().startsWith("org.opencdp."))
                                    .findFirst()
                                    .ifPresent(f -> hotOwnFrames.merge(frame(f), 1, Integer::sum));
                        }
                    }
                    default -> {}
                }
            }
        }
        List<String> out = new ArrayList<>();
        out.add("profile-service's flight recording (events over JFR's \"profile\" thresholds):");
        out.add("");
        out.add("- garbage collections: " + gc.describe() + " (longest pause each)");
        out.add("- safepoints: " + safepoints.describe());
        out.add("- JIT compilations: " + compilations.describe());
        out.add("- socket reads over 10 ms: " + describe(socketReads));
        out.add("- thread parks over 10 ms, by what was waited for: " + describe(parks));
        out.add("- monitor waits over 10 ms: " + describe(monitors));
        out.add("- requests over 5 ms: " + describeRequests(slowRequests));
        out.add("- what overlapped them (share of those requests): " + overlaps(slowRequests, interference));
        out.add("- CPU samples: " + samples + "; hottest methods: " + top(hotFrames, samples)
                + "; hottest own methods (first org.opencdp frame): " + top(hotOwnFrames, samples));
        return out;
    }

    /** An event's label and time span. */
    private record Span(String label, Instant start, Instant end) {
        Span(String label, RecordedEvent event) {
            this(label, event.getStartTime(), event.getEndTime());
        }

        boolean overlaps(Span other) {
            return start.isBefore(other.end) && other.start.isBefore(end);
        }

        Duration duration() {
            return Duration.between(start, end);
        }
    }

    private static String describeRequests(List<Span> requests) {
        Map<String, Stats> byRoute = new HashMap<>();
        requests.forEach(r -> stats(byRoute, r.label()).add(r.duration()));
        return describe(byRoute);
    }

    /** For each kind of interference, how many of the slow requests it overlapped. */
    private static String overlaps(List<Span> requests, List<Span> interference) {
        if (requests.isEmpty()) {
            return "none";
        }
        Map<String, Integer> overlapped = new HashMap<>();
        int none = 0;
        for (Span request : requests) {
            List<String> kinds = interference.stream()
                    .filter(request::overlaps)
                    .map(Span::label)
                    .distinct()
                    .toList();
            kinds.forEach(kind -> overlapped.merge(kind, 1, Integer::sum));
            none += kinds.isEmpty() ? 1 : 0;
        }
        List<String> parts = new ArrayList<>();
        overlapped.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(6)
                .forEach(e -> parts.add(
                        String.format(Locale.ROOT, "%s %.0f %%", e.getKey(), 100.0 * e.getValue() / requests.size())));
        parts.add(String.format(Locale.ROOT, "nothing recorded %.0f %%", 100.0 * none / requests.size()));
        return String.join(", ", parts);
    }

    private static Stats stats(Map<String, Stats> byKey, String key) {
        return byKey.computeIfAbsent(key, k -> new Stats());
    }

    private static String className(RecordedEvent event, String field) {
        Object type = event.getValue(field);
        return type instanceof jdk.jfr.consumer.RecordedClass c ? c.getName() : "(none)";
    }

    private static String frame(RecordedFrame frame) {
        return frame.getMethod().getType().getName().replaceAll(".*\\.", "") + "."
                + frame.getMethod().getName();
    }

    private static String describe(Map<String, Stats> byKey) {
        if (byKey.isEmpty()) {
            return "none";
        }
        return String.join(
                "; ",
                byKey.entrySet().stream()
                        .sorted(Comparator.comparing((Map.Entry<String, Stats> e) -> e.getValue().count)
                                .reversed())
                        .limit(5)
                        .map(e -> e.getKey() + ": " + e.getValue().describe())
                        .toList());
    }

    private static String top(Map<String, Integer> counts, int samples) {
        Function<Map.Entry<String, Integer>, String> share =
                e -> String.format(Locale.ROOT, "%s %.0f %%", e.getKey(), 100.0 * e.getValue() / Math.max(1, samples));
        return String.join(
                ", ",
                counts.entrySet().stream()
                        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                        .limit(6)
                        .map(share)
                        .toList());
    }

    /** Count, total and longest duration of one kind of event, and how many took over 5 ms. */
    private static final class Stats {
        private int count;
        private int over5ms;
        private Duration total = Duration.ZERO;
        private Duration max = Duration.ZERO;

        void add(Duration duration) {
            count++;
            total = total.plus(duration);
            if (duration.compareTo(max) > 0) {
                max = duration;
            }
            if (duration.toNanos() > 5_000_000) {
                over5ms++;
            }
        }

        String describe() {
            if (count == 0) {
                return "none";
            }
            return String.format(
                    Locale.ROOT,
                    "%,d, total %.1f ms, longest %.1f ms, %,d over 5 ms",
                    count,
                    total.toNanos() / 1e6,
                    max.toNanos() / 1e6,
                    over5ms);
        }
    }
}
