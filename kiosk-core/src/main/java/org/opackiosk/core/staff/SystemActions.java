package org.opackiosk.core.staff;

/**
 * What staff mode can do to the box itself: restart the kiosk application, reboot, shut down. On an appliance these
 * go through the system's own mechanism (logind, allowed to the kiosk's user by the polkit rule; the service's
 * {@code Restart=} for the application), never by running the kiosk as root; in demo mode they are simulated.
 *
 * <p>{@link #perform} may block for a moment (it starts a command) and must not be called on the UI thread. It
 * never throws: a refusal is a {@link Outcome.Failed}.
 */
public interface SystemActions {

    enum Action { RESTART_APP, REBOOT, SHUT_DOWN }

    /** How an action ended, as far as the kiosk can know before the box goes away. */
    sealed interface Outcome {
        /** The system accepted it; the application, or the box, goes down shortly. */
        record Started() implements Outcome {
        }

        /** Demo mode: nothing happened, on purpose. */
        record Simulated() implements Outcome {
        }

        /** The system refused or could not be asked; {@code detail} is for staff and the log. */
        record Failed(String detail) implements Outcome {
            public Failed {
                java.util.Objects.requireNonNull(detail, "detail");
            }
        }
    }

    Outcome perform(Action action);

    /** Whether actions are only simulated (demo mode), so the dashboard can say so before staff press anything. */
    boolean simulated();

    /** Demo mode: every action is logged and answered {@link Outcome.Simulated}. */
    static SystemActions simulation() {
        return new SystemActions() {
            @Override
            public Outcome perform(Action action) {
                org.slf4j.LoggerFactory.getLogger(SystemActions.class).info("Demo mode: {} simulated, nothing was done", action);
                return new Outcome.Simulated();
            }

            @Override
            public boolean simulated() {
                return true;
            }
        };
    }
}
