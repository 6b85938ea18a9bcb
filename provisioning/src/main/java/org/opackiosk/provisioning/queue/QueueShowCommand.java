package org.opackiosk.provisioning.queue;

import java.io.PrintWriter;
import java.time.ZoneId;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.opackiosk.core.outbox.OutboxEntry;
import org.opackiosk.store.outbox.H2Outbox;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "show",
        mixinStandardHelpOptions = true,
        description = {"One operation in detail.",
                "Its state, attempts, when it is due, the last error, and what it does",
                "(records, branch, hold or checkout). The card number is masked; nothing",
                "else personal is shown.",
                "Exit 0; 1 when no operation has that id; 2 without a queue; 3 while the",
                "kiosk runs."})
public final class QueueShowCommand extends QueueEntryCommand {

    @Option(names = "--json", description = "print JSON")
    boolean json;

    /** Seam for tests: the zone of the local times; the system's when null. */
    ZoneId zone;

    @Override
    int run(H2Outbox outbox, OutboxEntry e, PrintWriter out, PrintWriter err) {
        if (json) {
            try {
                out.println(QueueEntries.JSON.writeValueAsString(QueueEntries.details(e)));
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException(ex);
            }
            return 0;
        }
        ZoneId z = zone != null ? zone : ZoneId.systemDefault();
        line(out, "Operation", e.id() + " (#" + e.sequence() + ")");
        line(out, "Kind", e.kind().name());
        line(out, "State", QueueEntries.state(e));
        line(out, "Saved", QueueEntries.local(e.createdAt(), z));
        line(out, "Attempts", String.valueOf(e.attempts()));
        if (e.state().open()) {
            line(out, "Next attempt", QueueEntries.local(e.nextAttemptAt(), z));
        }
        line(out, "Last error", e.lastError().orElse("—"));
        line(out, "Card", QueueEntries.patron(e));
        QueueEntries.operation(e.operation()).forEach((k, v) -> line(out, label(k), v));
        return 0;
    }

    private static void line(PrintWriter out, String label, String value) {
        out.printf("%-15s %s%n", label, value);
    }

    private static String label(String field) {
        String words = field.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
