package org.opackiosk.core.device;

/** A listener registration; cancelling twice is harmless. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
    void cancel();

    @Override
    default void close() {
        cancel();
    }
}
