package fr.rep.caseengine.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A closed-loop load: {@code concurrency} threads each run one operation after another, as fast as answers come.
 * After a warm-up, only operations that start and end inside the measured window count, so the figures describe a
 * steady state rather than start and stop.
 */
final class ClosedLoop {

    /** One thread's operations; closed when the load stops. */
    interface Worker extends AutoCloseable {

        void runOnce(Window window) throws Exception;

        @Override
        default void close() throws Exception {}
    }

    /** The measured window, in {@link System#nanoTime()} terms. */
    record Window(long startNanos, long endNanos) {

        boolean covers(long fromNanos, long toNanos) {
            return fromNanos >= startNanos && toNanos <= endNanos;
        }
    }

    /**
     * @param errorSamples the first few failures, for the report
     */
    record Result(
            String name,
            int concurrency,
            long operations,
            Duration window,
            Latencies latencies,
            long errors,
            List<String> errorSamples) {

        double perSecond() {
            return operations / (window.toNanos() / 1e9);
        }
    }

    private ClosedLoop() {}

    static Result run(String name, int concurrency, Duration warmup, Duration measured, IntFunction<Worker> workers)
            throws InterruptedException {
        long start = System.nanoTime() + warmup.toNanos();
        Window window = new Window(start, start + measured.toNanos());
        List<Latencies> latencies = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        List<String> errorSamples = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Latencies own = new Latencies();
            latencies.add(own);
            Worker worker = workers.apply(i);
            Thread thread = new Thread(
                    () -> {
                        try (worker) {
                            while (System.nanoTime() < window.endNanos()) {
                                long before = System.nanoTime();
                                try {
                                    worker.runOnce(window);
                                } catch (Exception e) {
                                    errors.incrementAndGet();
                                    synchronized (errorSamples) {
                                        if (errorSamples.size() < 5) {
                                            errorSamples.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                                        }
                                    }
                                    continue;
                                }
                                long after = System.nanoTime();
                                if (window.covers(before, after)) {
                                    own.record(after - before);
                                }
                            }
                        } catch (Exception e) {
                            throw new IllegalStateException("worker of " + name + " failed to close", e);
                        }
                    },
                    name + "-" + i);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Latencies all = new Latencies();
        latencies.forEach(all::addAll);
        return new Result(name, concurrency, all.count(), measured, all, errors.get(), List.copyOf(errorSamples));
    }
}
