package org.opackiosk.store.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.core.staff.StaffAudit;
import org.opackiosk.core.staff.StaffAuditContract;
import org.opackiosk.core.staff.StaffAuditEntry;
import org.opackiosk.store.h2.H2Files;

/** The staff audit contract against the real H2 file, every promise checked across a close and reopen. */
class H2StaffAuditIT extends StaffAuditContract {

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);

    @Override
    protected StaffAudit open() {
        return H2StaffAudit.open(dir, clock);
    }

    @Override
    protected StaffAudit reopen(StaffAudit current) {
        ((H2StaffAudit) current).close();
        return H2StaffAudit.open(dir, clock);
    }

    @AfterEach
    void closeAudit() {
        ((H2StaffAudit) audit).close();
    }

    @Test
    void theDatabaseFileIsForTheKiosksUserOnly() throws IOException {
        audit.record(new StaffAuditEntry(T0, "key switch", "enter staff mode", "key switch"));

        assertThat(Files.getPosixFilePermissions(dir)).isEqualTo(Set.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
        assertThat(Files.getPosixFilePermissions(H2Files.file(dir, H2StaffAudit.NAME)))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }

    @Test
    void aCorruptFileIsMovedAsideAndANewAuditStartsWithAWarning() throws IOException {
        ((H2StaffAudit) audit).close();
        Path file = H2Files.file(dir, H2StaffAudit.NAME);
        Files.write(file, "this is not an H2 database, it is what a failing SD card left".repeat(200).getBytes());

        audit = H2StaffAudit.open(dir, clock);

        assertThat(audit.recent(10)).isEmpty();
        assertThat(((H2StaffAudit) audit).staffWarning()).hasValueSatisfying(w -> assertThat(w).contains("moved to"));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith(H2StaffAudit.NAME + ".mv.db.corrupt-20261123T050500Z"));
        }
        audit.record(new StaffAuditEntry(T0, "key switch", "enter staff mode", "key switch"));
        assertThat(audit.recent(10)).hasSize(1);
    }

    @Test
    void overlongTextIsCutNotRefused() {
        audit.record(new StaffAuditEntry(T0, "****0001", "discard", "x".repeat(2000)));

        assertThat(audit.recent(1).getFirst().outcome()).hasSize(500);
    }

    @Test
    void everyEntryRecordedIsAlsoALogLineWithTheStaffAsRecordedMasked() {
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log = new ch.qos.logback.core.read.ListAppender<>();
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(H2StaffAudit.class);
        ch.qos.logback.classic.Level before = logger.getLevel();
        logger.setLevel(ch.qos.logback.classic.Level.INFO); // the tests' logging configuration keeps INFO quiet
        log.start();
        logger.addAppender(log);
        try {
            audit.record(new StaffAuditEntry(T0, "****1234", "test print", "printed"));
        } finally {
            logger.detachAppender(log);
            logger.setLevel(before);
        }

        assertThat(log.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                .containsExactly("Staff audit: ****1234 test print: printed (2026-11-23T05:05:00Z)");
    }
}
