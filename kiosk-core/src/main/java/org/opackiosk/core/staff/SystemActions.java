package org.opackiosk.core.staff;

import java.util.Objects;

/**
 * What staff can do to the terminal itself from maintenance mode (issue 8): restart the kiosk
 * application, reboot the box, shut it down — through the system's own mechanism (logind, allowed for the
 * kiosk's user by a polkit rule), never by running the kiosk as root. In demo mode a simulated
 * implementation does nothing and says so. ADR 0073.
 *
 * <p>Thread-safe. Each method may block for a few seconds (it runs a system command): call it off the UI
 * thread. A refusal or a failure comes back as an {@link Outcome}, never as an exception.
 */
public interface SystemActions {

    /** What came of an action. {@code description} is for the audit and the log, not for patrons. */
    sealed interface Outcome {
        String description();

        /** The system accepted it: the kiosk (or the box) is going down. */
        record Started(String description) implements Outcome {
            public Started {
                Objects.requireNonNull(description, "description");
            }
        }

        /** Demo mode: nothing was done. */
        record Simulated(String description) implements Outcome {
            public Simulated {
                Objects.requireNonNull(description, "description");
            }
        }

        /** The system refused or the command failed; {@code description} says why. */
        record Failed(String description) implements Outcome {
            public Failed {
                Objects.requireNonNull(description, "description");
            }
        }
    }

    /** Ends the kiosk application so that systemd starts it again. */
    Outcome restartKiosk();

    /** Reboots the terminal. */
    Outcome reboot();

    /** Shuts the terminal down (someone has to switch it on again). */
    Outcome shutDown();

    /** Whether these actions are only simulated (demo mode), for the dashboard to say so before staff press. */
    boolean simulated();
}
