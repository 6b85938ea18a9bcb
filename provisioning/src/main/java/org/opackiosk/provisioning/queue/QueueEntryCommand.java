package org.opackiosk.provisioning.queue;

import java.io.PrintWriter;
import java.util.Optional;

import org.opackiosk.core.outbox.OutboxEntry;
import org.opackiosk.store.outbox.H2Outbox;

import picocli.CommandLine.Parameters;

/** A {@code kioskctl queue} command about one entry: finds it by {@code ID} (exit 1 when it cannot), then acts. */
abstract class QueueEntryCommand extends QueueSubcommand {

    @Parameters(paramLabel = "ID", description = "the operation's id, or its first 8 characters or more")
    String id;

    /** Acts on the entry found; answers the exit code. */
    abstract int run(H2Outbox outbox, OutboxEntry entry, PrintWriter out, PrintWriter err);

    @Override
    final int run(H2Outbox outbox, PrintWriter out, PrintWriter err) {
        Optional<OutboxEntry> found = find(outbox, id, err);
        return found.isEmpty() ? 1 : run(outbox, found.get(), out, err);
    }
}
