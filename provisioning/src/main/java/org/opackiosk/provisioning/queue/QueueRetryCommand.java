package org.opackiosk.provisioning.queue;

import java.io.PrintWriter;

import org.opackiosk.core.outbox.OutboxEntry;
import org.opackiosk.core.outbox.OutboxState;
import org.opackiosk.store.outbox.H2Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;

@Command(name = "retry",
        mixinStandardHelpOptions = true,
        description = {"Put an operation back in the queue, due now.",
                "A refused or needs-staff one, or one waiting for its next attempt. The",
                "kiosk sends it when it runs and reaches the server; one that may already",
                "have reached the server (SENDING) is checked there first, never sent twice.",
                "Exit 0; 1 when there is no such operation or it is done; 2 without a",
                "queue; 3 while the kiosk runs."})
public final class QueueRetryCommand extends QueueEntryCommand {

    private static final Logger LOG = LoggerFactory.getLogger(QueueRetryCommand.class);

    @Override
    int run(H2Outbox outbox, OutboxEntry e, PrintWriter out, PrintWriter err) {
        if (!outbox.requeue(e.id())) {
            err.println("#" + e.sequence() + " " + e.kind() + " is " + e.state() + ": it reached the server, nothing to retry.");
            return 1;
        }
        OutboxEntry now = outbox.find(e.id()).orElseThrow();
        LOG.info("kioskctl queue retry: #{} {} {} -> {} by {}", e.sequence(), e.kind(), e.state(), now.state(), who());
        QueueAudit.record(stateDir, clock(), who(), "queue retry", "#" + e.sequence() + " " + e.kind() + " "
                        + QueueEntries.shortId(e) + ": " + e.state() + " -> " + now.state() + ", due now")
                .ifPresent(w -> err.println("Not in the staff audit: " + w + "."));
        out.println("#" + e.sequence() + " " + e.kind() + " (" + QueueEntries.patron(e) + ") was " + QueueEntries.state(e)
                + " and is due again now (" + now.state() + ").");
        out.println(now.state() == OutboxState.SENDING
                ? "It may already have reached the server: the kiosk checks there before sending it again."
                : "The kiosk sends it when it runs and reaches the server.");
        return 0;
    }
}
