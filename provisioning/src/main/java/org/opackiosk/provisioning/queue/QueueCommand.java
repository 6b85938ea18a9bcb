package org.opackiosk.provisioning.queue;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "queue",
        mixinStandardHelpOptions = true,
        description = {"The kiosk's offline queue: see it, send an operation again, discard one.",
                "The queue is STATE/outbox/outbox.mv.db. Stop the kiosk first: while it runs the",
                "database is its own, and every queue command exits 3 saying so."},
        subcommands = {QueueListCommand.class, QueueShowCommand.class, QueueRetryCommand.class, QueueDiscardCommand.class,
                CommandLine.HelpCommand.class})
public final class QueueCommand {
}
