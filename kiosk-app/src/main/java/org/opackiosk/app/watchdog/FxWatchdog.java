package org.opackiosk.app.watchdog;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.opackiosk.core.platform.Scheduler;
import org.opackiosk.core.platform.UiDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells systemd the kiosk is alive — {@code WATCHDOG=1} — only while the JavaFX application thread
 * still runs the work posted to it. Every tick posts a tiny probe to the FX thread; the next tick
 * notifies only if that probe has run. A hung or dead FX thread therefore stops the notifications,
 * and systemd restarts the kiosk after {@code WatchdogSec} (ADR 0051).
 *
 * <p>Ticks come four times per watchdog period, so one lost notification (systemd-notify can lose
 * the race against its own exit) never trips the watchdog. Thread-safe; {@link #close} stops it.
 */
public final class FxWatchdog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FxWatchdog.class);

    private final ServiceNotifier notifier;
    private final Scheduler scheduler;
    private final UiDispatcher fxThread;
    private final Duration tick;
    private final AtomicBoolean probeAnswered = new AtomicBoolean(true);
    private final AtomicInteger missedTicks = new AtomicInteger();
    private volatile Scheduler.Cancellable ticking;

    public FxWatchdog(ServiceNotifier notifier, Scheduler scheduler, UiDispatcher fxThread, Duration tick) {
        this.notifier = notifier;
        this.scheduler = scheduler;
        this.fxThread = fxThread;
        this.tick = tick;
    }

    /**
     * A watchdog when systemd expects one: {@code NOTIFY_SOCKET} and {@code WATCHDOG_USEC} are set
     * (systemd sets them for the service; cage passes them on to the kiosk). Empty otherwise, e.g. when
     * the kiosk runs from a terminal or {@code ./demo}.
     */
    public static Optional<FxWatchdog> fromEnvironment(Map<String, String> env, ServiceNotifier notifier,
                                                       Scheduler scheduler, UiDispatcher fxThread) {
        String socket = env.get("NOTIFY_SOCKET");
        Optional<Duration> period = watchdogPeriod(env);
        if (socket == null || socket.isBlank() || period.isEmpty()) {
            return Optional.empty();
        }
        Duration tick = period.get().dividedBy(4);
        return Optional.of(new FxWatchdog(notifier, scheduler, fxThread, tick.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : tick));
    }

    /** {@code WATCHDOG_USEC} as a duration; empty when absent, zero or not a number. */
    static Optional<Duration> watchdogPeriod(Map<String, String> env) {
        String usec = env.get("WATCHDOG_USEC");
        if (usec == null) {
            return Optional.empty();
        }
        try {
            long micros = Long.parseLong(usec.strip());
            return micros > 0 ? Optional.of(Duration.ofNanos(Math.multiplyExact(micros, 1000L))) : Optional.empty();
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    Duration tick() {
        return tick;
    }

    /** Starts ticking; the first notification follows one tick later. Call once. */
    public void start() {
        LOG.info("systemd watchdog: notifying every {} s while the JavaFX thread answers", tick.toMillis() / 1000.0);
        ticking = scheduler.scheduleEvery(tick, this::onTick);
    }

    private void onTick() {
        if (!probeAnswered.get()) {
            // the last probe still waits in the FX queue: no notification, and no second probe behind it
            if (missedTicks.incrementAndGet() == 1) {
                LOG.warn("The JavaFX thread has not answered for {} s; withholding the watchdog notification", tick.toSeconds());
            }
            return;
        }
        if (missedTicks.getAndSet(0) > 0) {
            LOG.info("The JavaFX thread answers again; watchdog notifications resume");
        }
        notifier.notify("WATCHDOG=1");
        probeAnswered.set(false);
        fxThread.dispatch(() -> probeAnswered.set(true));
    }

    @Override
    public void close() {
        Scheduler.Cancellable t = ticking;
        if (t != null) {
            t.cancel();
        }
    }
}
