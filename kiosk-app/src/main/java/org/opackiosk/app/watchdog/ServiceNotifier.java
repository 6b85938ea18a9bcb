package org.opackiosk.app.watchdog;

/**
 * Sends a notification to the service manager, such as {@code WATCHDOG=1}. Implementations never
 * throw: a lost notification is logged, and the watchdog's next one makes up for it. May block for a
 * short while (it may start a process); never call it on the FX thread.
 */
@FunctionalInterface
public interface ServiceNotifier {

    /** @param assignments one or more {@code KEY=VALUE} lines of the sd_notify protocol */
    void notify(String... assignments);
}
