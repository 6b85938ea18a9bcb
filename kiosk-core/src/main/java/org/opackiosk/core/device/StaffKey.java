package org.opackiosk.core.device;

import java.util.function.Consumer;

/**
 * The optional key switch inside the kiosk's cabinet: turning it on opens maintenance mode.
 * Listeners are called on the implementation's thread with {@code true} when turned on and
 * {@code false} when turned off. Thread-safe.
 */
public interface StaffKey extends AutoCloseable {

    Subscription onChange(Consumer<? super Boolean> listener);

    boolean isOn();

    @Override
    void close();

    static StaffKey none() {
        return new StaffKey() {
            @Override
            public Subscription onChange(Consumer<? super Boolean> listener) {
                return () -> { };
            }

            @Override
            public boolean isOn() {
                return false;
            }

            @Override
            public void close() {
            }
        };
    }
}
