package org.opackiosk.core.platform;

/**
 * Runs work on the UI thread. The JavaFX kiosk posts to the FX thread; tests run it at once on the
 * calling thread. Device events and network results reach view models only through this.
 */
@FunctionalInterface
public interface UiDispatcher {
    void dispatch(Runnable task);
}
