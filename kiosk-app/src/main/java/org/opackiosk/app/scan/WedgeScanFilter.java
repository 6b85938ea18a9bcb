package org.opackiosk.app.scan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.event.EventTarget;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.opackiosk.core.device.ScanEvent;
import org.opackiosk.core.device.ScanSource;
import org.opackiosk.core.device.Symbology;
import org.opackiosk.core.platform.Scheduler;
import org.opackiosk.core.platform.UiDispatcher;

/**
 * The scene-level keyboard-wedge detector: an event filter on the whole scene that holds key events
 * back while they might be a scanner's burst ({@link KeyBurstDetector}). A scan is swallowed whole —
 * no character of it ever reaches a text field, and its Enter presses no button — and handed to the
 * listener; typing is replayed, in order and unchanged, to where it was going, at most one interval
 * late. FX thread only; the timer comes back through the {@link UiDispatcher}.
 */
public final class WedgeScanFilter implements EventHandler<KeyEvent> {

    private final KeyBurstDetector detector;
    private final Duration interval;
    private final Clock clock;
    private final Scheduler scheduler;
    private final UiDispatcher dispatcher;
    private final Consumer<ScanEvent> onScan;
    private final List<KeyEvent> held = new ArrayList<>();
    private boolean replaying;
    private boolean swallowEnter;
    private Scheduler.Cancellable timer;

    public WedgeScanFilter(Duration maxInterval, int minLength, String prefix, Clock clock, Scheduler scheduler,
                           UiDispatcher dispatcher, Consumer<ScanEvent> onScan) {
        this.detector = new KeyBurstDetector(maxInterval, minLength, prefix);
        this.interval = maxInterval;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.onScan = Objects.requireNonNull(onScan, "onScan");
    }

    /** Installs the filter on every key event of {@code scene}. */
    public void install(Scene scene) {
        scene.addEventFilter(KeyEvent.ANY, this);
    }

    @Override
    public void handle(KeyEvent e) {
        if (replaying) {
            return;
        }
        long now = nanos();
        if (swallowEnter && isEnter(e)) {
            // the KEY_TYPED and KEY_RELEASED of a scan's Enter
            e.consume();
            if (e.getEventType() == KeyEvent.KEY_RELEASED) {
                swallowEnter = false;
            }
            return;
        }
        if (e.getEventType() == KeyEvent.KEY_PRESSED && e.getCode() == KeyCode.ENTER) {
            switch (detector.enter(now)) {
                case KeyBurstDetector.Scan scan -> {
                    e.consume();
                    held.clear();
                    cancelTimer();
                    swallowEnter = true;
                    onScan.accept(new ScanEvent(Symbology.UNKNOWN, scan.text(), ScanSource.KEYBOARD_WEDGE));
                }
                case KeyBurstDetector.Release r -> {
                    e.consume();
                    held.add(e);
                    release();
                }
                default -> {
                }
            }
            return;
        }
        if (e.getEventType() == KeyEvent.KEY_TYPED && isPrintable(e)) {
            KeyBurstDetector.Outcome outcome = detector.typed(e.getCharacter().charAt(0), now);
            if (outcome instanceof KeyBurstDetector.Release) {
                release();
            }
            if (!detector.holding()) {
                return; // a key held down: typing, passed at once
            }
            e.consume();
            held.add(e);
            restartTimer();
            return;
        }
        if (detector.holding() || !held.isEmpty()) {
            // the presses and releases around held characters keep their order
            e.consume();
            held.add(e);
        }
    }

    private void restartTimer() {
        cancelTimer();
        // a little past the interval, so the last key of a burst is certainly older than it
        timer = scheduler.schedule(interval.plusMillis(1), () -> dispatcher.dispatch(this::onQuiet));
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private void onQuiet() {
        if (detector.quiet(nanos()) instanceof KeyBurstDetector.Release) {
            release();
        } else if (detector.holding()) {
            restartTimer();
        }
    }

    /** Sends the held events on to where they were going, as if they had never stopped here. */
    private void release() {
        List<KeyEvent> events = new ArrayList<>(held);
        held.clear();
        if (!detector.holding()) {
            cancelTimer();
        }
        replaying = true;
        try {
            for (KeyEvent e : events) {
                EventTarget target = e.getTarget();
                Event.fireEvent(target, e.copyFor(e.getSource(), target));
            }
        } finally {
            replaying = false;
        }
    }

    private long nanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static boolean isPrintable(KeyEvent e) {
        String c = e.getCharacter();
        return c.length() == 1 && c.charAt(0) >= 0x20 && c.charAt(0) != 0x7F && !e.isControlDown() && !e.isAltDown()
                && !e.isMetaDown();
    }

    private static boolean isEnter(KeyEvent e) {
        return e.getCode() == KeyCode.ENTER || "\r".equals(e.getCharacter()) || "\n".equals(e.getCharacter());
    }
}
