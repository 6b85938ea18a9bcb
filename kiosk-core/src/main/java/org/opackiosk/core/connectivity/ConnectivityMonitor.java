package org.opackiosk.core.connectivity;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.opackiosk.core.platform.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether the circulation server is reachable from a light periodic probe. The probe runs
 * on a worker thread; listeners are told of every change of state (on that worker thread — a view
 * model hops to the UI thread through its {@code UiDispatcher}). Thread-safe.
 */
public final class ConnectivityMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectivityMonitor.class);

    private final BooleanSupplier probe;
    private final Scheduler scheduler;
    private final Duration interval;
    private final List<Consumer<ConnectionState>> listeners = new CopyOnWriteArrayList<>();
    private volatile ConnectionState state = ConnectionState.CHECKING;
    private volatile Scheduler.Cancellable periodic;

    /**
     * @param probe    answers true when the server answered; must not throw and must time out by itself
     * @param interval how often to probe
     */
    public ConnectivityMonitor(BooleanSupplier probe, Scheduler scheduler, Duration interval) {
        this.probe = Objects.requireNonNull(probe, "probe");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.interval = Objects.requireNonNull(interval, "interval");
    }

    /** Probes at once, then every interval. */
    public void start() {
        scheduler.execute(this::probeNow);
        periodic = scheduler.scheduleEvery(interval, this::probeNow);
    }

    public ConnectionState state() {
        return state;
    }

    /** {@code listener} is called with the current state at once, then with every change. */
    public void addListener(Consumer<ConnectionState> listener) {
        listeners.add(listener);
        listener.accept(state);
    }

    /** Runs one probe on the calling thread and publishes the outcome. */
    public void probeNow() {
        boolean reachable;
        try {
            reachable = probe.getAsBoolean();
        } catch (RuntimeException e) {
            LOG.warn("Connectivity probe failed unexpectedly", e);
            reachable = false;
        }
        update(reachable ? ConnectionState.ONLINE : ConnectionState.OFFLINE);
    }

    private void update(ConnectionState next) {
        ConnectionState previous = state;
        if (previous == next) {
            return;
        }
        state = next;
        LOG.info("Circulation server is now {} (was {})", next, previous);
        listeners.forEach(l -> l.accept(next));
    }

    @Override
    public void close() {
        Scheduler.Cancellable p = periodic;
        if (p != null) {
            p.cancel();
        }
    }
}
