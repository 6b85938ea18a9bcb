package org.opackiosk.store.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.core.outbox.Operation;
import org.opackiosk.core.outbox.Outbox;
import org.opackiosk.core.outbox.OutboxEntry;
import org.opackiosk.core.outbox.PatronRef;
import org.opackiosk.core.outbox.TestClock;
import org.slf4j.LoggerFactory;

/** A damaged outbox file never stops the kiosk, and is never silently thrown away. */
class H2OutboxCorruptionIT {

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T05:05:00Z"));
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(H2Outbox.class);

    @BeforeEach
    void captureLog() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(log);
    }

    private Path file() {
        return dir.resolve(H2Outbox.FILE_NAME);
    }

    private void writeSomeOperations() {
        try (Outbox outbox = H2Outbox.open(dir, clock)) {
            for (int i = 0; i < 20; i++) {
                outbox.enqueue(Operation.PlaceHold.single(PatronRef.card("01000001"), String.valueOf(i), "CEN"));
            }
        }
    }

    @Test
    void aFileOfGarbageIsMovedAsideLoggedFlaggedForStaffAndANewQueueStarts() throws IOException {
        // given
        byte[] garbage = new byte[64 * 1024];
        new Random(1).nextBytes(garbage);
        Files.write(file(), garbage);

        // when
        try (H2Outbox outbox = H2Outbox.open(dir, clock)) {
            // then: the kiosk has a working, empty outbox…
            assertThat(outbox.list()).isEmpty();
            OutboxEntry saved = outbox.enqueue(Operation.PlaceHold.single(PatronRef.card("01000001"), "10", "CEN"));
            assertThat(outbox.head()).map(OutboxEntry::id).contains(saved.id());

            // …the damaged file is kept, byte for byte, beside it with a timestamp…
            Path aside = dir.resolve(H2Outbox.FILE_NAME + ".corrupt-20261123T050500Z");
            assertThat(aside).exists();
            assertThat(Files.readAllBytes(aside)).isEqualTo(garbage);

            // …staff are told, and the log says it in one clear line
            assertThat(outbox.staffWarning()).hasValueSatisfying(w -> assertThat(w).contains(aside.toString()));
            assertThat(log.list).anySatisfy(e -> {
                assertThat(e.getLevel()).isEqualTo(Level.ERROR);
                assertThat(e.getFormattedMessage()).startsWith("OUTBOX DATABASE CORRUPT").contains(aside.toString());
            });
        }
    }

    @Test
    void aFileWhoseHeaderIsDestroyedIsMovedAsideToo() throws IOException {
        writeSomeOperations();
        try (RandomAccessFile raf = new RandomAccessFile(file().toFile(), "rw")) {
            raf.write(new byte[8192]);
        }

        try (H2Outbox outbox = H2Outbox.open(dir, clock)) {
            assertThat(outbox.staffWarning()).isPresent();
            assertThat(outbox.list()).isEmpty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .anySatisfy(n -> assertThat(n).startsWith(H2Outbox.FILE_NAME + ".corrupt-"));
        }
    }

    @Test
    void twoCorruptionsOnTheSameSecondKeepBothFiles() throws IOException {
        for (int round = 0; round < 2; round++) {
            Files.write(file(), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
            H2Outbox.open(dir, clock).close();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().contains(".corrupt-")).count()).isEqualTo(2);
        }
    }

    @Test
    void aHealthyFileIsNeverMovedAndHasNoWarning() {
        writeSomeOperations();

        try (H2Outbox outbox = H2Outbox.open(dir, clock)) {
            assertThat(outbox.staffWarning()).isEmpty();
            assertThat(outbox.list()).hasSize(20);
        }
    }

    @Test
    void aDirectoryThatCannotBeUsedIsAnErrorNotCorruption() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");

        assertThatThrownBy(() -> H2Outbox.open(notADirectory, clock)).isInstanceOf(Outbox.OutboxException.class);
        assertThat(notADirectory).hasContent("x");
    }
}
