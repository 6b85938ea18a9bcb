package org.opackiosk.app.staff;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.opackiosk.core.circulation.CirculationService;
import org.opackiosk.core.config.KioskConfig;
import org.opackiosk.core.connectivity.RequestFailures;
import org.opackiosk.core.outbox.Outbox;
import org.opackiosk.core.staff.ServerHealth;
import org.opackiosk.core.staff.StaffAudit;
import org.opackiosk.core.staff.SystemActions;

/**
 * What the staff dashboard works with, built by the composition root.
 *
 * @param config      the running configuration (summary, camera configured or not)
 * @param audit       where every staff action is recorded
 * @param server      the circulation server check
 * @param libraries   the server's libraries, for the branch and pickup choices (nothing of a patron is asked)
 * @param catalogue   the local index and its sync; empty when the kiosk runs without one
 * @param outbox      the queue of operations waiting for, or refused by, the server
 * @param replayNow   asks the replay to run now (after a retry)
 * @param system      restart / reboot / shut down
 * @param host        this kiosk's vital signs
 * @param log         the last log lines
 * @param lastRequestFailure the last real request to the server that failed (not the dashboard's own check)
 */
public record StaffDashboardPorts(KioskConfig config, StaffAudit audit, ServerHealth server, CirculationService libraries,
                                  Optional<CatalogueMaintenance> catalogue, Outbox outbox, Runnable replayNow,
                                  SystemActions system, HostFacts host, LogRing log,
                                  Supplier<Optional<RequestFailures.Failure>> lastRequestFailure) {

    /** Without the real requests' failures: the server section shows only its own check's. */
    public StaffDashboardPorts(KioskConfig config, StaffAudit audit, ServerHealth server, CirculationService libraries,
                               Optional<CatalogueMaintenance> catalogue, Outbox outbox, Runnable replayNow,
                               SystemActions system, HostFacts host, LogRing log) {
        this(config, audit, server, libraries, catalogue, outbox, replayNow, system, host, log, Optional::empty);
    }

    public StaffDashboardPorts {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(libraries, "libraries");
        Objects.requireNonNull(catalogue, "catalogue");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(replayNow, "replayNow");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(lastRequestFailure, "lastRequestFailure");
    }
}
