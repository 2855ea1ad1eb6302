package org.opencdp.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import org.opencdp.localstack.DemoUser;

/**
 * Creates customers through profile-service's API, as an import would: {@code POST /api/v1/customers/batch} with
 * 100 customers per request from several clients, as the sales user. Every customer thus gets everything a real
 * one gets (its key, encrypted profile, blind-index entries, audit entry, change event), and the benchmark needs
 * to know nothing of the service's tables.
 */
final class CustomerLoader {

    static final int BATCH_SIZE = 100;
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(15);

    private final BenchSuite suite;
    private final URI batchUrl;
    private final int clients;

    CustomerLoader(BenchSuite suite, String baseUrl, int clients) {
        this.suite = suite;
        this.batchUrl = URI.create(baseUrl + "/api/v1/customers/batch");
        this.clients = clients;
    }

    /** Creates customers number {@code from} to {@code from + count - 1}, made by {@code person}; prints progress. */
    void load(int from, int count, IntFunction<String> person) throws Exception {
        AtomicInteger nextBatch = new AtomicInteger();
        AtomicLong created = new AtomicLong();
        int batches = (count + BATCH_SIZE - 1) / BATCH_SIZE;
        long begin = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(() -> {
                    for (int b = nextBatch.getAndIncrement(); b < batches; b = nextBatch.getAndIncrement()) {
                        int first = from + b * BATCH_SIZE;
                        int size = Math.min(BATCH_SIZE, from + count - first);
                        post(first, size, person);
                        created.addAndGet(size);
                    }
                    return null;
                }));
            }
            long nextReport = begin + PROGRESS_EVERY.toNanos();
            while (running.stream().anyMatch(client -> !client.isDone())) {
                for (Future<?> client : running) {
                    if (client.isDone()) {
                        client.get(); // a failed client ends the load
                    }
                }
                Thread.sleep(200);
                if (System.nanoTime() >= nextReport) {
                    progress(created.get(), count, begin);
                    nextReport += PROGRESS_EVERY.toNanos();
                }
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            pool.shutdownNow();
        }
        progress(created.get(), count, begin);
    }

    private void post(int first, int size, IntFunction<String> person) throws Exception {
        StringBuilder body = new StringBuilder(size * 800).append("{\"customers\":[");
        for (int i = first; i < first + size; i++) {
            body.append(i == first ? "" : ",").append(person.apply(i));
        }
        body.append("]}");
        HttpRequest request = HttpRequest.newBuilder(batchUrl)
                .header("Authorization", "Bearer " + suite.token(DemoUser.SALES))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> response = suite.http().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("creating customers " + first + "-" + (first + size - 1) + " answered "
                    + response.statusCode() + ": " + response.body());
        }
    }

    private static void progress(long created, int count, long begin) {
        double seconds = (System.nanoTime() - begin) / 1e9;
        double perSecond = created / Math.max(seconds, 0.001);
        long left = perSecond > 0 ? Math.round((count - created) / perSecond) : 0;
        System.out.printf(
                "[bench] created %,d of %,d customers through the API, %,.0f/s, about %d min %02d s to go%n",
                created, count, perSecond, left / 60, left % 60);
    }
}
