package org.opackiosk.provisioning.queue;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "queue",
        description = {"The kiosk's offline queue (the outbox in STATE/outbox): what waits to be sent, and staff's way to",
                "send an operation again or to discard it. Works with the kiosk stopped: the database is the kiosk's",
                "while it runs (exit 3 says so)."},
        subcommands = {QueueListCommand.class, QueueShowCommand.class, QueueRetryCommand.class, QueueDiscardCommand.class,
                CommandLine.HelpCommand.class})
public final class QueueCommand {
}
