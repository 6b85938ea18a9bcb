package org.opackiosk.app.testing;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

import org.opackiosk.core.platform.ManualScheduler;
import org.opackiosk.core.platform.Scheduler;

/**
 * A {@link ManualScheduler} whose worker tasks ({@link #execute}) wait until the test runs them, so
 * a test can look at the UI while a network call is still in flight. With {@link #setHoldWork}
 * false, worker tasks run at once, as with a plain ManualScheduler.
 */
public final class QueuedScheduler implements Scheduler {

    private final ManualScheduler timers = new ManualScheduler();
    private final Deque<Runnable> work = new ArrayDeque<>();
    private boolean holdWork = true;

    public QueuedScheduler() {
    }

    public QueuedScheduler(boolean holdWork) {
        this.holdWork = holdWork;
    }

    public synchronized void setHoldWork(boolean hold) {
        this.holdWork = hold;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        return timers.schedule(delay, task);
    }

    @Override
    public Cancellable scheduleEvery(Duration period, Runnable task) {
        return timers.scheduleEvery(period, task);
    }

    /**
     * From now on worker tasks run on {@code executor}, really off the FX thread, as in the kiosk: for a test that
     * holds a network call open and checks that the UI still answers meanwhile. Timers stay manual.
     */
    public synchronized void runWorkOn(java.util.concurrent.Executor executor) {
        this.executor = executor;
    }

    private java.util.concurrent.Executor executor;

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            if (executor != null) {
                executor.execute(task);
                return;
            }
            if (holdWork) {
                work.add(task);
                return;
            }
        }
        task.run();
    }

    /** Runs the worker tasks queued so far, oldest first. */
    public void runQueuedWork() {
        Runnable next;
        while ((next = poll()) != null) {
            next.run();
        }
    }

    public synchronized int queuedWork() {
        return work.size();
    }

    private synchronized Runnable poll() {
        return work.poll();
    }

    public void advance(Duration by) {
        timers.advance(by);
    }

    /** Timer tasks still waiting. */
    public int pendingTimers() {
        return timers.pending();
    }
}
