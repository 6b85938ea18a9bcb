package org.opackiosk.core.device;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners of one kind of device event. Thread-safe; listeners run on the thread that
 * {@linkplain #fire fires}, and one that throws is logged and does not stop the others.
 */
public final class Listeners<T> {

    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final List<Consumer<? super T>> listeners = new CopyOnWriteArrayList<>();

    public Subscription add(Consumer<? super T> listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void fire(T event) {
        for (Consumer<? super T> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                LOG.error("A device listener failed on {}", event, e);
            }
        }
    }

    public boolean isEmpty() {
        return listeners.isEmpty();
    }
}
