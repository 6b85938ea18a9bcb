package org.opackiosk.core.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A {@link Scheduler} for tests: nothing runs until the test advances time, and everything runs on
 * the test's thread. {@link #execute} runs at once.
 */
public final class ManualScheduler implements Scheduler {

    private final List<Task> tasks = new ArrayList<>();
    private Duration now = Duration.ZERO;
    private long sequence;

    private final class Task {
        Duration due;
        final Duration period;
        final Runnable body;
        final long order = sequence++;
        boolean cancelled;

        Task(Duration due, Duration period, Runnable body) {
            this.due = due;
            this.period = period;
            this.body = body;
        }
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        Task t = new Task(now.plus(delay), null, task);
        tasks.add(t);
        return () -> t.cancelled = true;
    }

    @Override
    public synchronized Cancellable scheduleEvery(Duration period, Runnable task) {
        Task t = new Task(now.plus(period), period, task);
        tasks.add(t);
        return () -> t.cancelled = true;
    }

    @Override
    public void execute(Runnable task) {
        task.run();
    }

    /** Moves time forward, running every task that falls due, in order of due time. */
    public void advance(Duration by) {
        Duration target = now.plus(by);
        while (true) {
            Task next;
            synchronized (this) {
                tasks.removeIf(t -> t.cancelled);
                next = tasks.stream()
                        .filter(t -> t.due.compareTo(target) <= 0)
                        .min(Comparator.<Task, Duration>comparing(t -> t.due).thenComparingLong(t -> t.order))
                        .orElse(null);
                if (next == null) {
                    now = target;
                    return;
                }
                now = next.due;
                if (next.period == null) {
                    tasks.remove(next);
                } else {
                    next.due = next.due.plus(next.period);
                }
            }
            next.body.run();
        }
    }

    /** Tasks still waiting (not cancelled). */
    public synchronized int pending() {
        return (int) tasks.stream().filter(t -> !t.cancelled).count();
    }
}
