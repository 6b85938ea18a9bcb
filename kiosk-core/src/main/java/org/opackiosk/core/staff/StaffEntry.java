package org.opackiosk.core.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.opackiosk.core.config.StaffSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules of the way into maintenance mode (issue 8, ADR 0070): which cards are staff cards, whether a
 * PIN is set, the PIN check, and the lock after {@value #MAX_WRONG} wrong PINs in a row — staff entry by
 * PIN is refused for {@link #LOCKOUT} (the key switch still works: the key is its own proof). Every
 * attempt, every entry and every exit is recorded in the {@link StaffAudit}.
 *
 * <p>The lock and the count of wrong PINs are read back from the audit when the kiosk starts, so pulling
 * the plug does not give a guesser five more tries.
 *
 * <p>Thread-safe. {@link #checkPin} takes about a tenth of a second on purpose ({@link StaffPinHash}) and
 * every method that records blocks on the audit's disk: call them off the UI thread.
 */
public final class StaffEntry {

    private static final Logger LOG = LoggerFactory.getLogger(StaffEntry.class);

    /** Wrong PINs in a row that lock staff entry. */
    public static final int MAX_WRONG = 5;
    /** How long staff entry stays locked. */
    public static final Duration LOCKOUT = Duration.ofMinutes(15);

    /** The audit's action for a PIN typed on the staff PIN screen. */
    public static final String ACTION_PIN = "staff PIN";
    /** The audit's action when staff entry locks. */
    public static final String ACTION_LOCK = "staff entry locked";
    /** The audit's action when maintenance mode opens. */
    public static final String ACTION_ENTER = "enter staff mode";
    /** The audit's action when maintenance mode closes. */
    public static final String ACTION_LEAVE = "leave staff mode";

    static final String ACCEPTED = "accepted";
    static final String WRONG = "wrong";
    // how far back the audit is read at start for the lock and the count of wrong PINs
    private static final int LOOK_BACK = 200;

    /** What came of a PIN. */
    public sealed interface PinResult {
        /** The PIN is right: maintenance mode may open. */
        record Accepted() implements PinResult {
        }

        /** The PIN is wrong; {@code attemptsLeft} more before the lock. */
        record Wrong(int attemptsLeft) implements PinResult {
        }

        /** Staff entry is locked until {@code until}; {@code justNow} when this PIN locked it. */
        record Locked(Instant until, boolean justNow) implements PinResult {
        }

        /** No PIN is configured: maintenance mode cannot be opened with one. */
        record NoPin() implements PinResult {
        }
    }

    private final StaffSettings settings;
    private final StaffAudit audit;
    private final Clock clock;
    private int wrong;
    private Instant lockedUntil;

    public StaffEntry(StaffSettings settings, StaffAudit audit, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        recoverFromAudit();
    }

    // Newest first: a lock still running, else the wrong PINs since the last accepted one or the last lock.
    private void recoverFromAudit() {
        Instant now = clock.instant();
        for (StaffAuditEntry e : audit.recent(LOOK_BACK)) {
            if (e.action().equals(ACTION_LOCK)) {
                Instant until = e.at().plus(LOCKOUT);
                if (until.isAfter(now)) {
                    lockedUntil = until;
                    LOG.warn("Staff entry is still locked until {} (locked before the kiosk started)", until);
                }
                return;
            }
            if (e.action().equals(ACTION_PIN)) {
                if (e.outcome().startsWith(WRONG)) {
                    wrong++;
                } else if (e.outcome().equals(ACCEPTED)) {
                    return;
                }
            }
        }
    }

    /** Whether a PIN is configured; without one only the key switch opens maintenance mode. */
    public boolean pinConfigured() {
        return settings.pinHash().isPresent();
    }

    /** Whether {@code cardNumber} is a staff card (and staff cards are a way in). */
    public boolean isStaffCard(String cardNumber) {
        return settings.isStaffCard(cardNumber);
    }

    /** Until when staff entry by PIN is locked; empty when it is not. */
    public synchronized Optional<Instant> lockedUntil() {
        if (lockedUntil != null && !clock.instant().isBefore(lockedUntil)) {
            lockedUntil = null;
            wrong = 0;
            LOG.info("Staff entry unlocked after {} minutes", LOCKOUT.toMinutes());
        }
        return Optional.ofNullable(lockedUntil);
    }

    /** Wrong PINs still allowed before the lock. */
    public synchronized int attemptsLeft() {
        return lockedUntil().isPresent() ? 0 : MAX_WRONG - wrong;
    }

    /**
     * Checks {@code pin} typed by {@code staff} (masked card number or how they came, e.g. "library name")
     * and records the attempt. Wipes {@code pin}. Blocks for the slow hash and the audit's write.
     */
    public PinResult checkPin(char[] pin, String staff) {
        Objects.requireNonNull(staff, "staff");
        try {
            Optional<String> hash = settings.pinHash();
            if (hash.isEmpty()) {
                record(staff, ACTION_PIN, "refused: no staff PIN is configured");
                return new PinResult.NoPin();
            }
            Optional<Instant> locked = lockedUntil();
            if (locked.isPresent()) {
                record(staff, ACTION_PIN, "refused: locked until " + locked.get());
                return new PinResult.Locked(locked.get(), false);
            }
            boolean right = StaffPinHash.verify(pin, hash.get());
            return right ? accepted(staff) : wrong(staff);
        } finally {
            StaffPinHash.wipe(pin);
        }
    }

    private PinResult accepted(String staff) {
        synchronized (this) {
            wrong = 0;
        }
        record(staff, ACTION_PIN, ACCEPTED);
        return new PinResult.Accepted();
    }

    private PinResult wrong(String staff) {
        int count;
        Instant until = null;
        synchronized (this) {
            count = ++wrong;
            if (count >= MAX_WRONG) {
                until = clock.instant().plus(LOCKOUT);
                lockedUntil = until;
            }
        }
        record(staff, ACTION_PIN, WRONG + " (" + count + " of " + MAX_WRONG + ")");
        if (until == null) {
            return new PinResult.Wrong(MAX_WRONG - count);
        }
        LOG.error("Staff attention: {} wrong staff PINs in a row (the last by {}); staff entry by PIN is locked until {}",
                MAX_WRONG, staff, until);
        record(staff, ACTION_LOCK, "locked until " + until);
        return new PinResult.Locked(until, true);
    }

    /** Records that maintenance mode opened for {@code staff}, and how ("staff card and PIN", "key switch"). Blocks on the audit. */
    public void entered(String staff, String how) {
        record(staff, ACTION_ENTER, how);
    }

    /** Records that maintenance mode closed for {@code staff}, and why ("left", "2 minutes idle"). Blocks on the audit. */
    public void left(String staff, String why) {
        record(staff, ACTION_LEAVE, why);
    }

    private void record(String staff, String action, String outcome) {
        audit.record(new StaffAuditEntry(clock.instant(), staff, action, outcome));
    }
}
