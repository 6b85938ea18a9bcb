package org.opackiosk.provisioning.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.core.circulation.Refusal;
import org.opackiosk.core.outbox.Operation;
import org.opackiosk.core.outbox.Outbox;
import org.opackiosk.core.outbox.OutboxEntry;
import org.opackiosk.core.outbox.OutboxState;
import org.opackiosk.core.outbox.PatronRef;
import org.opackiosk.core.patron.PatronId;
import org.opackiosk.core.staff.StaffAuditEntry;
import org.opackiosk.provisioning.KioskCtl;
import org.opackiosk.provisioning.cli.Terminal;
import org.opackiosk.store.outbox.H2Outbox;
import org.opackiosk.store.staff.H2StaffAudit;

import picocli.CommandLine;

/** {@code kioskctl queue} on a real H2 outbox file, written the way the kiosk writes it. */
class QueueCommandIT {

    private static final Instant SAVED = Instant.parse("2026-11-23T01:30:00Z");
    private static final Clock CLOCK = Clock.fixed(SAVED, ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path state;

    private Path outboxDir;
    private OutboxEntry pending;
    private OutboxEntry refused;
    private OutboxEntry done;
    private OutboxEntry sending;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void aQueueAsTheKioskLeftIt() {
        outboxDir = state.resolve("outbox");
        try (H2Outbox outbox = H2Outbox.open(outboxDir, CLOCK)) {
            pending = outbox.enqueue(Operation.PlaceHold.single(PatronRef.card("01000001"), "42", "CEN"));
            outbox.retryLater(pending.id(), OutboxState.PENDING, SAVED.plusSeconds(60), "unreachable: could not connect");
            refused = outbox.enqueue(Operation.PlaceHold.single(PatronRef.card("01000003"), "43", "NISHI"));
            outbox.markSending(refused.id());
            outbox.markRefused(refused.id(), new Refusal("too_many_holds", "refusal.too_many_holds"));
            done = outbox.enqueue(new Operation.CancelHold(PatronRef.id(new PatronId("7777777777")), "7001"));
            outbox.markSending(done.id());
            outbox.markDone(done.id());
            sending = outbox.enqueue(Operation.PlaceHold.single(PatronRef.card("01000004"), "44", "CEN"));
            outbox.markSending(sending.id());
            outbox.retryLater(sending.id(), OutboxState.SENDING, SAVED.plusSeconds(5), "no answer: read timed out");
        }
    }

    private int run(String... args) {
        return runTyping(null, args);
    }

    /** Runs {@code kioskctl queue ARGS --state-dir STATE} with {@code typed} as what the technician types. */
    private int runTyping(String typed, String... args) {
        CommandLine cl = KioskCtl.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        CommandLine queue = cl.getSubcommands().get("queue");
        for (CommandLine sub : queue.getSubcommands().values()) {
            if (sub.getCommand() instanceof QueueSubcommand command) {
                command.clock = CLOCK;
                command.who = "technician (sudo by hanako)";
            }
        }
        ((QueueListCommand) queue.getSubcommands().get("list").getCommand()).zone = ZoneId.of("Asia/Tokyo");
        ((QueueShowCommand) queue.getSubcommands().get("show").getCommand()).zone = ZoneId.of("Asia/Tokyo");
        QueueDiscardCommand discard = queue.getSubcommands().get("discard").getCommand();
        discard.terminal = Terminal.lines(new ByteArrayInputStream((typed == null ? "" : typed).getBytes(StandardCharsets.UTF_8)));
        String[] all = new String[args.length + 3];
        all[0] = "queue";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--state-dir";
        all[args.length + 2] = state.toString();
        return cl.execute(all);
    }

    private OutboxEntry stored(OutboxEntry e) {
        try (H2Outbox outbox = H2Outbox.open(outboxDir, CLOCK)) {
            return outbox.find(e.id()).orElseThrow();
        }
    }

    private static String prefix(OutboxEntry e) {
        return e.id().toString().substring(0, 8);
    }

    @Test
    void listShowsEveryOperationWithMaskedCardsAndLocalTimes() {
        assertThat(run("list")).as(err::toString).isZero();

        String text = out.toString();
        assertThat(text.lines().toList()).hasSize(6);
        assertThat(text).contains(prefix(pending), prefix(refused), prefix(done), prefix(sending))
                .contains("PLACE_HOLD", "CANCEL_HOLD", "REFUSED (too_many_holds)", "SENDING")
                .contains("****0001", "****0003", "(logged in)")
                .contains("2026-11-23 10:30:00") // 01:30 UTC in the kiosk's zone
                .contains("unreachable: could not connect")
                .contains("4 operation(s), 2 waiting to be sent.")
                .doesNotContain("01000001", "01000003", "7777777777");
    }

    @Test
    void listAsJsonFilteredByState() throws Exception {
        assertThat(run("list", "--json", "--state", "PENDING,SENDING")).as(err::toString).isZero();

        JsonNode rows = JSON.readTree(out.toString());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("id").asText()).isEqualTo(pending.id().toString());
        assertThat(rows.get(0).get("card").asText()).isEqualTo("****0001");
        assertThat(rows.get(0).get("created").asText()).isEqualTo("2026-11-23T01:30:00Z");
        assertThat(rows.get(1).get("state").asText()).isEqualTo("SENDING");
        assertThat(rows.get(1).get("attempts").asInt()).isEqualTo(1);
        assertThat(out.toString()).doesNotContain("01000001");
    }

    @Test
    void showPrintsTheDetailsByIdPrefixWithTheCardMasked() throws Exception {
        assertThat(run("show", prefix(refused))).as(err::toString).isZero();
        assertThat(out.toString()).contains(refused.id().toString(), "REFUSED (too_many_holds)", "****0003", "Records         43",
                "Pickup library  NISHI", "Attempts        1").doesNotContain("01000003");

        out.getBuffer().setLength(0);
        assertThat(run("show", done.id().toString(), "--json")).isZero();
        JsonNode json = JSON.readTree(out.toString());
        assertThat(json.get("kind").asText()).isEqualTo("CANCEL_HOLD");
        assertThat(json.get("card").isNull()).isTrue();
        assertThat(json.get("operation").get("hold").asText()).isEqualTo("7001");
        assertThat(out.toString()).doesNotContain("7777777777");
    }

    @Test
    void anUnknownOrTooShortIdIsRefusedWithoutChangingAnything() {
        assertThat(run("show", "ffffffff")).isEqualTo(1);
        assertThat(err.toString()).contains("No operation ffffffff");
        assertThat(run("retry", "abc")).isEqualTo(1);
        assertThat(err.toString()).contains("too short");
    }

    @Test
    void retryPutsARefusedOperationBackDueNow() {
        assertThat(run("retry", prefix(refused))).as(err::toString).isZero();

        OutboxEntry now = stored(refused);
        assertThat(now.state()).isEqualTo(OutboxState.PENDING);
        assertThat(now.nextAttemptAt()).isEqualTo(SAVED);
        assertThat(now.refusal()).isEmpty();
        assertThat(out.toString()).contains("due again now (PENDING)");
    }

    @Test
    void retryKeepsAnOperationThatMayHaveReachedTheServerSendingSoItIsCheckedFirst() {
        assertThat(run("retry", prefix(sending))).isZero();

        OutboxEntry now = stored(sending);
        assertThat(now.state()).isEqualTo(OutboxState.SENDING);
        assertThat(now.nextAttemptAt()).isEqualTo(SAVED);
        assertThat(out.toString()).contains("checks there before sending it again");
    }

    @Test
    void aDoneOperationCannotBeRetriedOrDiscarded() {
        assertThat(run("retry", prefix(done))).isEqualTo(1);
        assertThat(run("discard", prefix(done), "--reason", "test")).isEqualTo(1);
        assertThat(err.toString()).contains("reached the server");
        assertThat(stored(done).state()).isEqualTo(OutboxState.DONE);
    }

    @Test
    void discardAsksForAReasonAndKeepsWhoWhenAndWhySoItIsNeverSent() {
        int code = runTyping("duplicate of a hold placed at the counter\n", "discard", prefix(pending));

        assertThat(code).as(err::toString).isZero();
        assertThat(out.toString()).contains("Discard #1 PLACE_HOLD (****0001, PENDING)? It will never be sent. Reason: ")
                .contains("it will never be sent").doesNotContain("01000001");
        OutboxEntry now = stored(pending);
        assertThat(now.state()).isEqualTo(OutboxState.REFUSED);
        assertThat(now.refusal()).contains(Outbox.DISCARDED);
        assertThat(now.lastError()).contains("discarded by technician (sudo by hanako) at 2026-11-23T01:30:00Z with kioskctl:"
                + " duplicate of a hold placed at the counter");
        try (H2Outbox outbox = H2Outbox.open(outboxDir, CLOCK)) {
            assertThat(outbox.head()).map(OutboxEntry::id).contains(sending.id());
        }
    }

    @Test
    void discardAndRetryAreInTheStaffAuditTheKioskKeepsWithoutThePatronsCard() {
        // given the audit the kiosk made at its start
        try (H2StaffAudit audit = H2StaffAudit.open(state.resolve("staff"), CLOCK)) {
            audit.record(new StaffAuditEntry(SAVED, "key switch", "enter staff mode", "ok"));
        }

        assertThat(run("discard", prefix(pending), "--reason", "placed at the counter")).as(err::toString).isZero();
        assertThat(run("retry", prefix(refused))).isZero();

        try (H2StaffAudit audit = H2StaffAudit.open(state.resolve("staff"), CLOCK)) {
            List<StaffAuditEntry> recent = audit.recent(3);
            assertThat(recent).extracting(StaffAuditEntry::staff).containsOnly("kioskctl: technician (sudo by hanako)",
                    "key switch");
            assertThat(recent).extracting(StaffAuditEntry::action).containsExactlyInAnyOrder("queue retry", "queue discard",
                    "enter staff mode");
            assertThat(recent).anySatisfy(e -> assertThat(e.outcome()).isEqualTo("#1 PLACE_HOLD " + prefix(pending)
                    + ": never sent: placed at the counter"));
            assertThat(recent).allSatisfy(e -> assertThat(e.outcome()).doesNotContain("0001", "0003"));
        }
        assertThat(err.toString()).doesNotContain("Not in the staff audit");
    }

    @Test
    void withoutTheKiosksStaffAuditNoneIsCreatedAndTheDiscardStillHappens() {
        assertThat(run("discard", prefix(pending), "--reason", "placed at the counter")).isZero();

        assertThat(state.resolve("staff")).doesNotExist();
        assertThat(err.toString()).contains("Not in the staff audit: no staff audit in");
        assertThat(stored(pending).refusal()).contains(Outbox.DISCARDED);
    }

    @Test
    void discardWithoutAReasonChangesNothing() {
        assertThat(runTyping("   \n", "discard", prefix(pending))).isEqualTo(1);
        assertThat(run("discard", prefix(pending))).isEqualTo(1); // end of input

        assertThat(err.toString()).contains("No reason given: nothing changed.");
        assertThat(stored(pending).state()).isEqualTo(OutboxState.PENDING);
    }

    @Test
    void discardTakesTheReasonFromTheCommandLine() {
        assertThat(run("discard", prefix(sending), "--reason", "patron asked at the desk")).isZero();

        assertThat(stored(sending).lastError()).hasValueSatisfying(e -> assertThat(e).endsWith("patron asked at the desk"));
    }

    @Test
    void whileTheKioskRunsItSaysSoAndChangesNothing() throws Exception {
        try (RunningKiosk kiosk = RunningKiosk.holding(outboxDir)) {
            assertThat(run("discard", prefix(pending), "--reason", "x")).isEqualTo(QueueSubcommand.EXIT_KIOSK_RUNNING);
            assertThat(run("list")).isEqualTo(QueueSubcommand.EXIT_KIOSK_RUNNING);
        }

        assertThat(err.toString()).contains("The kiosk is running and holds the offline queue")
                .contains("sudo systemctl stop opac-kiosk").contains("staff screen").doesNotContain("\tat ");
        assertThat(stored(pending).state()).isEqualTo(OutboxState.PENDING);
    }

    @Test
    void aStateDirectoryWithoutAQueueIsNamedAndNothingIsCreated() throws Exception {
        Path empty = Files.createDirectory(state.resolve("elsewhere"));

        CommandLine cl = KioskCtl.commandLine();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(out, true));
        assertThat(cl.execute("queue", "list", "--state-dir", empty.toString())).isEqualTo(KioskCtl.EXIT_INVALID);

        assertThat(err.toString()).contains("No offline queue in " + empty);
        try (var files = Files.list(empty)) {
            assertThat(files.toList()).isEmpty();
        }
    }

    @Test
    void theOsUserIsNamedWithThePersonBehindSudo() {
        assertThat(OsUser.describe("root", "hanako")).isEqualTo("root (sudo by hanako)");
        assertThat(OsUser.describe("opac", null)).isEqualTo("opac");
        assertThat(OsUser.describe()).startsWith(System.getProperty("user.name"));
        assertThat(List.of(OsUser.describe("root", "root"))).containsExactly("root");
    }
}
