package org.opackiosk.core.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.opackiosk.core.config.StaffSettings;
import org.opackiosk.core.platform.MutableClock;
import org.opackiosk.core.staff.StaffEntry.PinResult;

/** The rules of staff entry: the PIN, the lock after five wrong PINs and its end, the audit of every attempt. */
class StaffEntryTest {

    static final String PIN = "482915";
    // hashed once: the hash is slow on purpose
    static final String HASH = StaffPinHash.hash(PIN.toCharArray(), new SecureRandom());
    private static final Instant T0 = Instant.parse("2026-11-23T05:05:00Z");

    private final MutableClock clock = new MutableClock(T0, ZoneId.of("Asia/Tokyo"));
    private final InMemoryStaffAudit audit = new InMemoryStaffAudit();
    private final StaffSettings settings = StaffSettings.DEFAULTS.withPinHash(HASH);

    private PinResult check(StaffEntry entry, String pin) {
        return entry.checkPin(pin.toCharArray(), "****0001");
    }

    @Test
    void theRightPinIsAcceptedAndAudited() {
        StaffEntry entry = new StaffEntry(settings, audit, clock);

        assertThat(check(entry, PIN)).isInstanceOf(PinResult.Accepted.class);
        assertThat(audit.recent(1)).containsExactly(new StaffAuditEntry(T0, "****0001", StaffEntry.ACTION_PIN, "accepted"));
    }

    @Test
    void theTypedPinIsWipedFromMemory() {
        StaffEntry entry = new StaffEntry(settings, audit, clock);
        char[] typed = PIN.toCharArray();

        entry.checkPin(typed, "library name");

        assertThat(new String(typed)).isEqualTo("\0".repeat(PIN.length()));
    }

    @Test
    void aWrongPinSaysHowManyTriesAreLeftAndIsAudited() {
        StaffEntry entry = new StaffEntry(settings, audit, clock);

        assertThat(check(entry, "111111")).isEqualTo(new PinResult.Wrong(4));
        assertThat(check(entry, "222222")).isEqualTo(new PinResult.Wrong(3));
        assertThat(entry.attemptsLeft()).isEqualTo(3);
        assertThat(audit.recent(1).getFirst().outcome()).isEqualTo("wrong (2 of 5)");
        assertThat(audit.recent(5)).noneMatch(e -> e.toString().contains("222222"));
    }

    @Test
    void fiveWrongPinsLockEntryForFifteenMinutesEvenForTheRightPin() {
        StaffEntry entry = new StaffEntry(settings, audit, clock);
        for (int i = 0; i < 4; i++) {
            check(entry, "111111");
        }

        PinResult fifth = check(entry, "111111");
        clock.advance(Duration.ofMinutes(14));
        PinResult rightButLocked = check(entry, PIN);

        Instant until = T0.plus(Duration.ofMinutes(15));
        assertThat(fifth).isEqualTo(new PinResult.Locked(until, true));
        assertThat(rightButLocked).isEqualTo(new PinResult.Locked(until, false));
        assertThat(entry.lockedUntil()).contains(until);
        assertThat(audit.recent(10)).extracting(StaffAuditEntry::action).contains(StaffEntry.ACTION_LOCK);
    }

    @Test
    void theLockEndsAfterFifteenMinutesWithFiveTriesAgain() {
        StaffEntry entry = new StaffEntry(settings, audit, clock);
        for (int i = 0; i < 5; i++) {
            check(entry, "111111");
        }

        clock.advance(StaffEntry.LOCKOUT);

        assertThat(entry.lockedUntil()).isEmpty();
        assertThat(entry.attemptsLeft()).isEqualTo(5);
        assertThat(check(entry, PIN)).isInstanceOf(PinResult.Accepted.class);
    }

    @Test
    void theRightPinStartsTheCountAgain() {
        StaffEntry entry = new StaffEntry(settings, audit, clock);
        for (int i = 0; i < 4; i++) {
            check(entry, "111111");
        }

        check(entry, PIN);

        assertThat(entry.attemptsLeft()).isEqualTo(5);
    }

    @Test
    void theLockAndTheWrongCountSurviveARestartThroughTheAudit() {
        StaffEntry before = new StaffEntry(settings, audit, clock);
        for (int i = 0; i < 5; i++) {
            check(before, "111111");
        }
        clock.advance(Duration.ofMinutes(3));

        StaffEntry afterRestart = new StaffEntry(settings, audit, clock);

        assertThat(afterRestart.lockedUntil()).contains(T0.plus(StaffEntry.LOCKOUT));
        clock.advance(Duration.ofMinutes(12));
        assertThat(afterRestart.lockedUntil()).isEmpty();
        check(afterRestart, "111111");
        check(afterRestart, "111111");
        assertThat(new StaffEntry(settings, audit, clock).attemptsLeft()).isEqualTo(3);
    }

    @Test
    void withoutAPinNoPinIsAcceptedAndTheAttemptIsAudited() {
        StaffEntry entry = new StaffEntry(StaffSettings.DEFAULTS, audit, clock);

        assertThat(entry.pinConfigured()).isFalse();
        assertThat(check(entry, PIN)).isInstanceOf(PinResult.NoPin.class);
        assertThat(audit.recent(1).getFirst().outcome()).contains("no staff PIN");
    }

    @Test
    void enteringAndLeavingAreAudited() {
        StaffEntry entry = new StaffEntry(settings, audit, clock);

        entry.entered("key switch", "key switch");
        clock.advance(Duration.ofMinutes(2));
        entry.left("key switch", "2 minutes idle");

        assertThat(audit.recent(2)).containsExactly(
                new StaffAuditEntry(T0.plus(Duration.ofMinutes(2)), "key switch", StaffEntry.ACTION_LEAVE, "2 minutes idle"),
                new StaffAuditEntry(T0, "key switch", StaffEntry.ACTION_ENTER, "key switch"));
    }
}
