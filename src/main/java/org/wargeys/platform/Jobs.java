package org.wargeys.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The program's own threads: one for recurring work (scheduled publication, share totals…), started
 * with the site, and one for long work in the background (an index rebuild) while the site serves.
 * A failing run is logged and the next one still happens. Thread-safe; close once.
 */
public final class Jobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);

    private record Recurring(String what, Duration first, Duration every, Runnable work) {}

    private final List<Recurring> recurring = new ArrayList<>();
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "wargeys-scheduler"));
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> daemon(r, "wargeys-background"));
    private boolean started;

    /** Runs {@code work} every {@code every}, the first time {@code first} after the site starts. */
    public synchronized void every(String what, Duration first, Duration every, Runnable work) {
        Recurring job = new Recurring(what, first, every, work);
        recurring.add(job);
        if (started) schedule(job);
    }

    /** The thread for long work while the site serves (one job at a time, in order). */
    public ExecutorService background() {
        return background;
    }

    synchronized void start() {
        started = true;
        recurring.forEach(this::schedule);
    }

    private void schedule(Recurring job) {
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        job.work().run();
                    } catch (RuntimeException e) {
                        // An exception would cancel every later run.
                        LOG.error("{} failed", job.what(), e);
                    }
                },
                job.first().toMillis(),
                job.every().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Stops the recurring work at once and waits for the background work to finish its step. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        background.shutdown();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
            background.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }
}
