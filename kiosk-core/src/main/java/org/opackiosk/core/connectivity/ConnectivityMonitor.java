package org.opackiosk.core.connectivity;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.platform.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether the circulation server is reachable, from two kinds of evidence: a light periodic
 * probe, and the outcomes of real requests ({@link #report}, {@link #requestSucceeded},
 * {@link #requestFailed}).
 *
 * <p>Hysteresis: one failed request never flips the kiosk offline. Going offline takes
 * {@code failuresToGoOffline} failures in a row; a failed real request starts a confirming probe at
 * once, and {@link #probeNow()} itself probes again at once after a failure, so a real outage is
 * still seen within a second or two while a single reset connection is not. Coming back takes one
 * success: while not online the probe runs every {@code recoveryInterval} (at most 10 s), so a
 * returning server is noticed within that time. While online the probe runs every
 * {@code interval}, skipped when real requests have just told the same thing.
 *
 * <p>Listeners are told of every change of state, in order, on the thread that noticed it (a view
 * model hops to the UI thread through its {@code UiDispatcher}). Thread-safe; the probe must not
 * throw and must time out by itself.
 */
public final class ConnectivityMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectivityMonitor.class);

    /** Failures in a row that make the kiosk offline. */
    public static final int DEFAULT_FAILURES_TO_GO_OFFLINE = 2;
    /** How often a kiosk that is not online looks for the server: recovery is noticed within this. */
    public static final Duration DEFAULT_RECOVERY_INTERVAL = Duration.ofSeconds(5);

    private final BooleanSupplier probe;
    private final Scheduler scheduler;
    private final Duration interval;
    private final Duration recoveryInterval;
    private final int failuresToGoOffline;
    private final long ticksPerOnlineProbe;
    private final List<Consumer<ConnectionState>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean confirming = new AtomicBoolean();
    private final Object lock = new Object();
    private volatile ConnectionState state = ConnectionState.CHECKING;
    private volatile Scheduler.Cancellable periodic;
    private int failuresInARow;
    private long ticksSinceEvidence;

    /**
     * @param probe    answers true when the server answered; must not throw and must time out by itself
     * @param interval how often to probe while online
     */
    public ConnectivityMonitor(BooleanSupplier probe, Scheduler scheduler, Duration interval) {
        this(probe, scheduler, interval, min(interval, DEFAULT_RECOVERY_INTERVAL), DEFAULT_FAILURES_TO_GO_OFFLINE);
    }

    /**
     * @param recoveryInterval    how often to probe while not online; at most 10 s
     * @param failuresToGoOffline failures in a row before the kiosk says it is offline; at least 1
     */
    public ConnectivityMonitor(BooleanSupplier probe, Scheduler scheduler, Duration interval, Duration recoveryInterval,
                               int failuresToGoOffline) {
        this.probe = Objects.requireNonNull(probe, "probe");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.recoveryInterval = Objects.requireNonNull(recoveryInterval, "recoveryInterval");
        if (recoveryInterval.isZero() || recoveryInterval.isNegative() || recoveryInterval.compareTo(Duration.ofSeconds(10)) > 0
                || recoveryInterval.compareTo(interval) > 0) {
            throw new IllegalArgumentException("0 < recoveryInterval <= min(interval, 10 s)");
        }
        if (failuresToGoOffline < 1) {
            throw new IllegalArgumentException("failuresToGoOffline must be at least 1");
        }
        this.failuresToGoOffline = failuresToGoOffline;
        this.ticksPerOnlineProbe = Math.max(1, interval.toMillis() / recoveryInterval.toMillis());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Probes at once, then keeps watching (every recovery interval while not online, every interval while online). */
    public void start() {
        scheduler.execute(this::probeNow);
        periodic = scheduler.scheduleEvery(recoveryInterval, this::tick);
    }

    public ConnectionState state() {
        return state;
    }

    /** {@code listener} is called with the current state at once, then with every change. */
    public void addListener(Consumer<ConnectionState> listener) {
        listeners.add(listener);
        listener.accept(state);
    }

    /**
     * Probes on the calling thread and publishes the outcome. After a failure it probes again at once,
     * up to the failures needed to go offline, so one call is a decisive check.
     */
    public void probeNow() {
        for (int i = 0; i < failuresToGoOffline; i++) {
            boolean reachable = probeOnce();
            if (reachable) {
                observe(true);
                return;
            }
            observe(false);
            if (state == ConnectionState.OFFLINE) {
                return;
            }
        }
    }

    /** A real request's outcome: {@code Ok} and {@code Refused} mean the server answered; the rest, that it did not. */
    public void report(CallResult<?> outcome) {
        switch (outcome) {
            case CallResult.Ok<?> ok -> requestSucceeded();
            case CallResult.Refused<?> refused -> requestSucceeded();
            case CallResult.Unreachable<?> unreachable -> requestFailed();
            case CallResult.Ambiguous<?> ambiguous -> requestFailed();
        }
    }

    /** A real request got an answer from the server. */
    public void requestSucceeded() {
        observe(true);
    }

    /** A real request got no answer. Does not flip the state alone; a confirming probe follows at once. */
    public void requestFailed() {
        observe(false);
        if (state != ConnectionState.OFFLINE && confirming.compareAndSet(false, true)) {
            scheduler.execute(() -> {
                try {
                    observe(probeOnce());
                } finally {
                    confirming.set(false);
                }
            });
        }
    }

    private void tick() {
        boolean due;
        synchronized (lock) {
            ticksSinceEvidence++;
            due = state != ConnectionState.ONLINE || ticksSinceEvidence >= ticksPerOnlineProbe;
        }
        if (due) {
            probeNow();
        }
    }

    private boolean probeOnce() {
        try {
            return probe.getAsBoolean();
        } catch (RuntimeException e) {
            LOG.warn("Connectivity probe failed unexpectedly", e);
            return false;
        }
    }

    private void observe(boolean answered) {
        synchronized (lock) {
            ticksSinceEvidence = 0;
            ConnectionState next;
            if (answered) {
                failuresInARow = 0;
                next = ConnectionState.ONLINE;
            } else {
                failuresInARow++;
                // not known yet: the first failure is already the honest answer
                boolean enough = failuresInARow >= failuresToGoOffline || state == ConnectionState.CHECKING;
                next = enough ? ConnectionState.OFFLINE : state;
            }
            ConnectionState previous = state;
            if (previous == next) {
                return;
            }
            state = next;
            LOG.info("Circulation server is now {} (was {})", next, previous);
            listeners.forEach(l -> l.accept(next));
        }
    }

    @Override
    public void close() {
        Scheduler.Cancellable p = periodic;
        if (p != null) {
            p.cancel();
        }
    }
}
