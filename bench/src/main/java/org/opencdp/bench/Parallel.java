package org.opencdp.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Seeding through the API from a few clients at once: items 0 to count - 1, each handled once. */
final class Parallel {

    interface Item {
        void handle(int i) throws Exception;
    }

    private Parallel() {}

    static void forEach(int count, int clients, Item item) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        item.handle(i);
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get(); // the first failure ends the seeding
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
