package org.opencdp.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.function.Predicate;

import com.sun.management.OperatingSystemMXBean;

/**
 * A load offered at a fixed rate, wrk2's method (bench/README.md, "Latency at the target rate"): request i is due at
 * {@code start + i / rate}; its latency is counted from that due time, not from when it went out, so a stall of the
 * service counts for every request that should have been sent during it (no coordinated omission).
 *
 * <p>As in wrk2, a fixed number of keep-alive connections share the schedule (request i goes over connection
 * {@code i mod n}), each driven by one thread with a plain HTTP/1.1 exchange on a socket: a bounded, cheap client.
 * A first version let the JDK's HTTP client open a connection whenever all were busy; at 5,000 requests/s on two
 * cores 40 % of its requests failed, with connections opened without bound.
 */
final class OpenLoop {

    /**
     * A run keeps its rate when the answers that came within the run's time were no less than this share of the
     * rate offered: a service that keeps up leaves only the requests of its last few milliseconds unanswered at the
     * end, one that does not falls further behind with every second.
     */
    static final double RATE_KEPT = 0.95;

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final long UNANSWERED = -1;
    /** Wrong answers described in a failed run's message (bench data only: synthetic subjects, no real person). */
    private static final int FAILURES_SHOWN = 3;

    private final int connections;

    OpenLoop(int connections) {
        if (connections < 1) {
            throw new IllegalArgumentException("at least one connection");
        }
        this.connections = connections;
    }

    /** One request: the URI's host and port are those of its connection. */
    record Request(URI uri, String method, Map<String, String> headers, byte[] body) {

        static Request get(URI uri, Map<String, String> headers) {
            return new Request(uri, "GET", headers, new byte[0]);
        }

        static Request post(URI uri, Map<String, String> headers, String body) {
            return new Request(uri, "POST", headers, body.getBytes(StandardCharsets.UTF_8));
        }

        byte[] bytes() {
            StringBuilder head = new StringBuilder(method).append(' ').append(uri.getRawPath());
            if (uri.getRawQuery() != null) {
                head.append('?').append(uri.getRawQuery());
            }
            head.append(" HTTP/1.1\r\nHost: ")
                    .append(uri.getHost())
                    .append(':')
                    .append(uri.getPort())
                    .append("\r\n");
            headers.forEach((name, value) ->
                    head.append(name).append(": ").append(value).append("\r\n"));
            if (!method.equals("GET")) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            byte[] start = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
            byte[] all = Arrays.copyOf(start, start.length + body.length);
            System.arraycopy(body, 0, all, start.length, body.length);
            return all;
        }
    }

    /** The answer to a request: its status and its body. */
    record Answer(Request request, int statusCode, String body) {}

    /**
     * @param offered requests per second offered
     * @param latencyNanos each request's latency in due order, from its due time to its answer
     * @param answeredInTime the answers that came within {@code duration} of the first due time
     * @param duration the run's time: the requests were due within it
     * @param generatorCores CPU the benchmark's own process used meanwhile, in cores (CPU seconds per second)
     */
    record Result(double offered, long[] latencyNanos, long answeredInTime, Duration duration, double generatorCores) {

        /** The rate achieved: answers per second within the run's time. */
        double perSecond() {
            return answeredInTime / (duration.toNanos() / 1e9);
        }

        /** The rate achieved as a percentage of the rate offered; the run kept its rate at {@link #RATE_KEPT}. */
        double keptPercent() {
            return perSecond() / offered * 100;
        }

        double p50() {
            return percentile(0.50);
        }

        double p99() {
            return percentile(0.99);
        }

        double p999() {
            return percentile(0.999);
        }

        /** The q-quantile in milliseconds, by nearest rank: the smallest latency at least q of all are at most. */
        double percentile(double q) {
            long[] sorted = latencyNanos.clone();
            Arrays.sort(sorted);
            return percentile(sorted, q);
        }

        /** {@link #percentile(double)} of latencies already sorted, e.g. one second's of a run. */
        static double percentile(long[] sortedNanos, double q) {
            int rank = (int) Math.ceil(q * sortedNanos.length);
            return sortedNanos[Math.max(0, rank - 1)] / 1e6;
        }
    }

    /**
     * Offers {@code perSecond} requests a second for {@code duration} and waits for every answer; fails if one
     * failed, did not pass {@code answerOk} or took longer than 10 s. Whether the rate was kept (the service, and the
     * generator, could answer at it) is in the result: {@link Result#keptPercent()} against {@link #RATE_KEPT}.
     */
    Result run(double perSecond, Duration duration, IntFunction<Request> request, Predicate<Answer> answerOk)
            throws InterruptedException {
        int count = (int) Math.round(perSecond * duration.toNanos() / 1e9);
        if (count < 1) {
            throw new IllegalArgumentException(perSecond + "/s for " + duration + " is not one request");
        }
        Schedule schedule = new Schedule(count, perSecond, duration, request, answerOk);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long started = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < Math.min(connections, count); c++) {
            int first = c;
            threads.add(Thread.ofPlatform().name("open-loop-" + c).start(() -> schedule.send(first, connections)));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long cpu = os.getProcessCpuTime() - cpuBefore;
        long elapsed = System.nanoTime() - started;
        long unanswered =
                Arrays.stream(schedule.latency).filter(l -> l == UNANSWERED).count();
        if (unanswered > 0) {
            throw new IllegalStateException(String.format(
                    "at %.0f requests/s: %d of %d requests failed or were answered wrongly (%s)",
                    perSecond, unanswered, count, String.join("; ", schedule.failures)));
        }
        // A rate not kept is a finding, not a broken run: the report shows the share kept against RATE_KEPT, and the
        // p99, counted from the due times, shows the backlog.
        return new Result(perSecond, schedule.latency, schedule.answeredInTime.get(), duration, cpu / (double) elapsed);
    }

    /**
     * The figures of a scenario's runs at its target load, each labelled "{@code what}: …": the share of the rate
     * offered that was answered (the rate kept), the p99 against its target, the p50 and the p99.9.
     */
    static void report(Report report, String what, List<Result> runs, Target p99) {
        report.figure(
                what + ": share of the rate offered that was answered",
                Measured.of(runs, Result::keptPercent),
                "%.1f %%",
                Target.atLeast(RATE_KEPT * 100, "≥ 95 % (the rate was kept)"));
        report.figure(what + ": **p99**", Measured.of(runs, Result::p99), "**%,.2f ms**", p99);
        reportP50AndP999(report, what, runs);
    }

    /** Runs at a fixed rate shown for reference beside a target, without a verdict: their p99, p50 and p99.9. */
    static void reportReference(Report report, String what, List<Result> runs) {
        report.figure(what + ": p99", Measured.of(runs, Result::p99), "%,.2f ms");
        reportP50AndP999(report, what, runs);
    }

    private static void reportP50AndP999(Report report, String what, List<Result> runs) {
        report.figure(what + ": p50", Measured.of(runs, Result::p50), "%,.2f ms");
        report.figure(what + ": p99.9", Measured.of(runs, Result::p999), "%,.2f ms");
    }

    /** When request i is due: i periods of 1/perSecond after the start, without accumulating rounding. */
    static long dueAt(long start, int i, double perSecond) {
        return start + Math.round(i * 1e9 / perSecond);
    }

    /** One run's requests, their due times and what came back; each connection's thread writes its own slots. */
    private static final class Schedule {

        final long[] latency;
        final AtomicLong answeredInTime = new AtomicLong();
        final Queue<String> failures = new ConcurrentLinkedQueue<>();
        private final double perSecond;
        private final IntFunction<Request> request;
        private final Predicate<Answer> answerOk;
        /** A little after now, so that every connection's thread is running when the first requests are due. */
        private final long start = System.nanoTime() + Duration.ofMillis(20).toNanos();

        private final long end;

        Schedule(
                int count,
                double perSecond,
                Duration duration,
                IntFunction<Request> request,
                Predicate<Answer> answerOk) {
            this.latency = new long[count];
            Arrays.fill(latency, UNANSWERED);
            this.perSecond = perSecond;
            this.request = request;
            this.answerOk = answerOk;
            this.end = start + duration.toNanos();
        }

        /** Sends requests first, first + step, … each at its due time, or at once when the connection is late. */
        void send(int first, int step) {
            Connection connection = null;
            try {
                for (int i = first; i < latency.length; i += step) {
                    long due = dueAt(start, i, perSecond);
                    long early = due - System.nanoTime();
                    if (early > 0) {
                        LockSupport.parkNanos(early);
                    }
                    Request next = request.apply(i);
                    try {
                        if (connection == null) {
                            connection = Connection.open(next.uri());
                        }
                        Answer answer = connection.exchange(next);
                        long now = System.nanoTime();
                        if (answerOk.test(answer)) {
                            latency[i] = now - due;
                            if (now <= end) {
                                answeredInTime.incrementAndGet();
                            }
                        } else {
                            failed("status " + answer.statusCode() + ": "
                                    + answer.body()
                                            .substring(
                                                    0,
                                                    Math.min(200, answer.body().length())));
                        }
                        if (connection.closed()) {
                            connection = null;
                        }
                    } catch (IOException e) {
                        failed(e.toString());
                        if (connection != null) {
                            connection.close();
                            connection = null;
                        }
                    }
                }
            } finally {
                if (connection != null) {
                    connection.close();
                }
            }
        }

        private void failed(String what) {
            if (failures.size() < FAILURES_SHOWN) {
                failures.add(what);
            }
        }
    }

    /** A keep-alive HTTP/1.1 connection: one request, then its whole answer, then the next. */
    private static final class Connection implements Closeable {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private boolean closed;

        private Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        }

        static Connection open(URI uri) throws IOException {
            Socket socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), (int) TIMEOUT.toMillis());
            return new Connection(socket);
        }

        Answer exchange(Request request) throws IOException {
            out.write(request.bytes());
            out.flush();
            String status = line();
            if (!status.startsWith("HTTP/1.") || status.length() < 12) {
                throw new IOException("not an HTTP answer: " + status);
            }
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, Math.max(colon, 0)).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.contains("chunked");
                    case "connection" -> closed = value.equals("close");
                    default -> {}
                }
            }
            byte[] body;
            if (chunked) {
                body = chunks();
            } else if (length >= 0) {
                body = exactly((int) length);
            } else {
                body = in.readAllBytes();
                closed = true;
            }
            if (closed) {
                close();
            }
            return new Answer(request, code, new String(body, StandardCharsets.UTF_8));
        }

        boolean closed() {
            return closed;
        }

        private byte[] chunks() throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String size = line();
                int extension = size.indexOf(';');
                int length = Integer.parseInt((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
                if (length == 0) {
                    while (!line().isEmpty()) {
                        // trailers, unused
                    }
                    return body.toByteArray();
                }
                body.write(exactly(length));
                line();
            }
        }

        private byte[] exactly(int length) throws IOException {
            byte[] bytes = in.readNBytes(length);
            if (bytes.length < length) {
                throw new EOFException("answer ended after " + bytes.length + " of " + length + " bytes");
            }
            return bytes;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new EOFException("connection closed by the server");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        @Override
        public void close() {
            closed = true;
            try {
                socket.close();
            } catch (IOException e) {
                // Closing a connection that failed: nothing more to learn from it.
            }
        }
    }
}
