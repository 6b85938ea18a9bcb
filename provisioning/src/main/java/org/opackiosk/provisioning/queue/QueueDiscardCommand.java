package org.opackiosk.provisioning.queue;

import java.io.PrintWriter;

import org.opackiosk.core.outbox.OutboxEntry;
import org.opackiosk.core.outbox.OutboxState;
import org.opackiosk.provisioning.cli.Terminal;
import org.opackiosk.store.outbox.H2Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "discard",
        mixinStandardHelpOptions = true,
        description = {"Make sure an operation is never sent.",
                "It becomes REFUSED (discarded_by_staff), and the patron is told at their",
                "next login on this kiosk. Needs a reason (--reason, or asked for); the",
                "reason, who ran it (the OS user, and the user behind sudo) and when are",
                "kept with the operation, written to the log and to the staff audit.",
                "Exit 0; 1 when there is no such operation, it is done, or no reason was",
                "given; 2 without a queue; 3 while the kiosk runs."})
public final class QueueDiscardCommand extends QueueEntryCommand {

    private static final Logger LOG = LoggerFactory.getLogger(QueueDiscardCommand.class);
    /** The reason must fit the entry's last error (1,000 characters) with who and when. */
    static final int MAX_REASON = 800;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why (asked for when not given)")
    String reason;

    /** Seam for tests; the process's terminal when null. */
    Terminal terminal;

    @Override
    int run(H2Outbox outbox, OutboxEntry e, PrintWriter out, PrintWriter err) {
        String label = "#" + e.sequence() + " " + e.kind() + " (" + QueueEntries.patron(e) + ", " + QueueEntries.state(e) + ")";
        if (e.state() == OutboxState.DONE) {
            err.println(label + " reached the server: nothing to discard.");
            return 1;
        }
        String why = reason;
        if (why == null) {
            Terminal t = terminal != null ? terminal : Terminal.system();
            why = t.readLine(out, "Discard " + label + "? It will never be sent. Reason: ").orElse("");
        }
        why = why.strip().replaceAll("\\s+", " ");
        if (why.isEmpty()) {
            err.println("No reason given: nothing changed.");
            return 1;
        }
        if (why.length() > MAX_REASON) {
            why = why.substring(0, MAX_REASON);
        }
        String by = who();
        String record = "discarded by " + by + " at " + clock().instant() + " with kioskctl: " + why;
        if (!outbox.discard(e.id(), record)) {
            err.println(label + " reached the server: nothing to discard.");
            return 1;
        }
        LOG.warn("kioskctl queue discard: #{} {} {} ({}) {}", e.sequence(), e.kind(), e.id(), QueueEntries.patron(e), record);
        out.println("Discarded " + label + ": it will never be sent. Kept with it: " + record);
        QueueAudit.record(stateDir, clock(), by, "queue discard", "#" + e.sequence() + " " + e.kind() + " "
                        + QueueEntries.shortId(e) + ": never sent: " + why)
                .ifPresent(w -> err.println("Not in the staff audit: " + w + ". The reason is kept with the operation and"
                        + " in the log."));
        return 0;
    }
}
