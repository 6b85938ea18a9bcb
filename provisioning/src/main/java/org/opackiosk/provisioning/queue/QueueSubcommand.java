package org.opackiosk.provisioning.queue;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.opackiosk.core.outbox.OutboxEntry;
import org.opackiosk.provisioning.KioskCtl;
import org.opackiosk.store.outbox.H2Outbox;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every {@code kioskctl queue} command shares: the state directory, opening the outbox there without
 * creating or moving anything (ADR 0048), and finding an entry by its id or an unambiguous prefix of it.
 */
abstract class QueueSubcommand implements Callable<Integer> {

    /** Exit code when the kiosk is running and holds the database. */
    static final int EXIT_KIOSK_RUNNING = 3;
    /** The shortest id prefix accepted: the first block of a UUID, as {@code list} shows it. */
    static final int MIN_PREFIX = 8;

    @Spec
    CommandSpec spec;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "/var/lib/opac-kiosk",
            description = "the kiosk's state directory; the queue is DIR/outbox/outbox.mv.db (default: ${DEFAULT-VALUE})")
    Path stateDir;

    /** Seams for tests: the system clock, and the OS user (OsUser), when null. */
    Clock clock;
    String who;

    Clock clock() {
        return clock != null ? clock : Clock.systemDefaultZone();
    }

    String who() {
        return who != null ? who : OsUser.describe();
    }

    /** Runs the command on the open outbox; answers the exit code. */
    abstract int run(H2Outbox outbox, PrintWriter out, PrintWriter err);

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path directory = stateDir.resolve("outbox");
        return switch (H2Outbox.openExisting(directory, clock())) {
            case H2Outbox.Existing.Opened opened -> {
                try (H2Outbox outbox = opened.outbox()) {
                    yield run(outbox, out, err);
                }
            }
            case H2Outbox.Existing.Missing missing -> {
                err.println("No offline queue in " + stateDir + " (" + missing.file() + " does not exist). Is --state-dir the"
                        + " kiosk's state directory? The packaged kiosk uses /var/lib/opac-kiosk.");
                yield KioskCtl.EXIT_INVALID;
            }
            case H2Outbox.Existing.InUse inUse -> {
                err.println("The kiosk is running and holds the offline queue (" + inUse.file() + "): only one program can"
                        + " open it. Use the staff screen on the kiosk, or stop the kiosk first — sudo systemctl stop"
                        + " opac-kiosk — run this again, and start it afterwards: sudo systemctl start opac-kiosk");
                yield EXIT_KIOSK_RUNNING;
            }
            case H2Outbox.Existing.Unusable unusable -> {
                err.println("The offline queue " + unusable.file() + " cannot be used: " + unusable.why()
                        + ". Run kioskctl as root (sudo) or as the kiosk's user; a damaged file is moved aside by the kiosk"
                        + " at its next start.");
                yield KioskCtl.EXIT_INVALID;
            }
        };
    }

    /** The entry {@code id} names (a whole id, or a prefix of at least 8 characters); empty after saying why on {@code err}. */
    static Optional<OutboxEntry> find(H2Outbox outbox, String id, PrintWriter err) {
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        try {
            Optional<OutboxEntry> exact = outbox.find(UUID.fromString(wanted));
            if (exact.isPresent()) {
                return exact;
            }
        } catch (IllegalArgumentException notAWholeId) {
            // a prefix, then
        }
        if (wanted.length() < MIN_PREFIX) {
            err.println("Give the operation's id, or at least its first " + MIN_PREFIX + " characters as `kioskctl queue list`"
                    + " shows them: \"" + id + "\" is too short.");
            return Optional.empty();
        }
        List<OutboxEntry> matches = outbox.list().stream().filter(e -> e.id().toString().startsWith(wanted)).toList();
        if (matches.size() == 1) {
            return Optional.of(matches.getFirst());
        }
        err.println(matches.isEmpty() ? "No operation " + id + " in the queue."
                : "\"" + id + "\" starts " + matches.size() + " ids; give more of it.");
        return Optional.empty();
    }
}
