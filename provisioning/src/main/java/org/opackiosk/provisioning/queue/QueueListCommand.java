package org.opackiosk.provisioning.queue;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;

import org.opackiosk.core.outbox.OutboxEntry;
import org.opackiosk.core.outbox.OutboxState;
import org.opackiosk.store.outbox.H2Outbox;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list",
        mixinStandardHelpOptions = true,
        description = {"Every operation in the queue, oldest first.",
                "Id (its first 8 characters, which show, retry and discard take), sequence,",
                "kind, state, when it was saved (local time), attempts, the card (masked),",
                "the last error. Done operations stay 24 h.",
                "Exit 0; 2 without a queue; 3 while the kiosk runs."})
public final class QueueListCommand extends QueueSubcommand {

    @Option(names = "--state", paramLabel = "STATE", split = ",",
            description = "only these states: PENDING, SENDING, DONE, REFUSED, NEEDS_STAFF (comma-separated)")
    List<OutboxState> states;

    @Option(names = "--json", description = "one JSON array: id, sequence, kind, state, created (UTC), attempts, card,"
            + " last_error, refusal")
    boolean json;

    /** Seam for tests: the zone of the local times; the system's when null. */
    ZoneId zone;

    @Override
    int run(H2Outbox outbox, PrintWriter out, PrintWriter err) {
        List<OutboxEntry> entries = states == null ? outbox.list() : outbox.list(states.toArray(OutboxState[]::new));
        if (json) {
            ArrayNode array = QueueEntries.JSON.createArrayNode();
            entries.forEach(e -> array.add(QueueEntries.summary(e)));
            try {
                out.println(QueueEntries.JSON.writeValueAsString(array));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return 0;
        }
        if (entries.isEmpty()) {
            out.println("The queue is empty" + (states == null ? "." : " in " + states + "."));
            return 0;
        }
        ZoneId z = zone != null ? zone : ZoneId.systemDefault();
        out.printf(Locale.ROOT, "%-8s  %5s  %-22s  %-31s  %-19s  %8s  %-11s  %s%n", "ID", "SEQ", "KIND", "STATE", "CREATED",
                "ATTEMPTS", "CARD", "LAST ERROR");
        for (OutboxEntry e : entries) {
            out.printf(Locale.ROOT, "%-8s  %5d  %-22s  %-31s  %-19s  %8d  %-11s  %s%n", QueueEntries.shortId(e), e.sequence(),
                    e.kind(), QueueEntries.state(e), QueueEntries.local(e.createdAt(), z), e.attempts(),
                    QueueEntries.patron(e), e.lastError().orElse(""));
        }
        long open = entries.stream().filter(e -> e.state().open()).count();
        out.printf(Locale.ROOT, "%d operation(s), %d waiting to be sent.%n", entries.size(), open);
        return 0;
    }
}
