package org.opackiosk.core.staff;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link SystemActions} in demo mode: nothing happens, each action says "simulated" and is logged. Thread-safe. */
public final class SimulatedSystemActions implements SystemActions {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedSystemActions.class);

    @Override
    public Outcome restartKiosk() {
        return simulated("restart of the kiosk application");
    }

    @Override
    public Outcome reboot() {
        return simulated("reboot of the terminal");
    }

    @Override
    public Outcome shutDown() {
        return simulated("shutdown of the terminal");
    }

    @Override
    public boolean simulated() {
        return true;
    }

    private static Outcome simulated(String what) {
        LOG.info("Demo mode: {} simulated, nothing was done", what);
        return new Outcome.Simulated(what + " simulated (demo mode)");
    }
}
