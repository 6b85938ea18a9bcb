package org.opackiosk.app.staff;

import java.time.Duration;
import java.util.Objects;

import javafx.scene.Node;
import javafx.scene.input.MouseEvent;
import org.opackiosk.core.platform.Scheduler;
import org.opackiosk.core.platform.UiDispatcher;

/**
 * A press held for a while (the five seconds on the library's name that ask for the staff PIN): the
 * action runs when the press has lasted {@code hold}, not when it ends; a shorter press does nothing.
 * Timed by the {@link Scheduler}, so tests move time instead of waiting. UI thread only.
 */
public final class LongPress {

    private final Duration hold;
    private final Scheduler scheduler;
    private final UiDispatcher dispatcher;
    private final Runnable action;
    private Scheduler.Cancellable timer;
    private long generation;

    public LongPress(Duration hold, Scheduler scheduler, UiDispatcher dispatcher, Runnable action) {
        this.hold = Objects.requireNonNull(hold, "hold");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.action = Objects.requireNonNull(action, "action");
    }

    /** Makes pressing {@code node} (mouse, or a touch the toolkit turns into one) count; nothing else changes. */
    public void attachTo(Node node) {
        node.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> pressed());
        node.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> released());
    }

    public void pressed() {
        cancel();
        long current = ++generation;
        timer = scheduler.schedule(hold, () -> dispatcher.dispatch(() -> {
            if (current == generation) {
                timer = null;
                action.run();
            }
        }));
    }

    public void released() {
        generation++;
        cancel();
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
