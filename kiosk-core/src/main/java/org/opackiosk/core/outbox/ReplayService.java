package org.opackiosk.core.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.CirculationService;
import org.opackiosk.core.connectivity.ConnectionState;
import org.opackiosk.core.connectivity.ConnectivityMonitor;
import org.opackiosk.core.holds.ContactMethod;
import org.opackiosk.core.holds.HoldRequest;
import org.opackiosk.core.patron.PatronId;
import org.opackiosk.core.patron.PatronSummary;
import org.opackiosk.core.platform.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox to the circulation server: strictly in sequence order, at least once, and never
 * twice in effect. An operation whose outcome is unknown — the server got it and no answer came
 * ({@link CallResult.Ambiguous}), or the kiosk died while it was {@link OutboxState#SENDING} — is
 * first {@linkplain Reconciliation checked against the server} and only sent again when its effect
 * is absent. Transport failures wait with exponential backoff and full jitter; a refusal is final.
 *
 * <p>The head of the queue blocks everything behind it: a cancel must never overtake the hold it
 * cancels. Refused and needs-staff entries do not block.
 *
 * <p>It does not report outcomes to the {@link ConnectivityMonitor} itself: give it the port wrapped in
 * {@code ObservedCirculationService}, as every other caller gets it. It stops while the monitor says
 * offline and starts a pass, ignoring backoff once, whenever the monitor says online again.
 *
 * <p>Thread-safe: one pass runs at a time; a request during a pass makes that pass look again.
 * {@link #replayNow()} and {@link #submit} block on the network: worker threads only.
 */
public final class ReplayService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayService.class);

    /** Done entries are purged after this long (the default: 24 h). */
    public static final Duration DEFAULT_RETENTION = org.opackiosk.core.config.OfflineSettings.DEFAULT_DONE_RETENTION;

    /** A difference between the wall clock and the monotonic clock larger than this is a clock jump (ADR 0047). */
    static final Duration CLOCK_JUMP = Duration.ofMinutes(1);

    /** How a pass ended. */
    public enum Pass {
        /** Nothing left to send. */
        IDLE,
        /** The head waits for its next attempt; a timer is set. */
        WAITING,
        /** The connection is down; the next change to online starts a pass. */
        OFFLINE,
        /** Another pass is running and will look again. */
        BUSY,
        /** Closed. */
        CLOSED
    }

    /** What {@link #submit} knows when it returns: the entry as saved now, and the server's answer if one came. */
    public record Submitted(OutboxEntry entry, Optional<CallResult<?>> answer) {
    }

    private final Outbox outbox;
    private final CirculationService server;
    private final ConnectivityMonitor connectivity;
    private final Clock clock;
    private final Scheduler scheduler;
    private final Backoff backoff;
    private final Duration retention;
    private final Reconciliation reconciliation;
    private final LongSupplier monotonicNanos;
    private final ReentrantLock passLock = new ReentrantLock();
    private final AtomicBoolean again = new AtomicBoolean();
    private final List<Consumer<OutboxEntry>> listeners = new CopyOnWriteArrayList<>();
    private final Map<UUID, CallResult<?>> answers = new ConcurrentHashMap<>();
    private final Map<String, PatronId> patrons = new ConcurrentHashMap<>();
    private final Map<PatronId, ContactMethod> contacts = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private Scheduler.Cancellable timer;
    private int failuresInARow;
    // retention under clock jumps (ADR 0047): the wall clock and the monotonic clock at the last purge, how far
    // the wall clock is ahead of real elapsed time, and when it jumped
    private Instant lastWall;
    private long lastMonotonic;
    private Duration skew = Duration.ZERO;
    private Instant jumpedAt;

    public ReplayService(Outbox outbox, CirculationService server, ConnectivityMonitor connectivity, Clock clock,
                         Scheduler scheduler, Backoff backoff, Duration retention) {
        this(outbox, server, connectivity, clock, scheduler, backoff, retention, System::nanoTime);
    }

    /**
     * @param monotonicNanos real elapsed time that no clock setting moves ({@link System#nanoTime()}); a
     *                       forward jump of {@code clock} against it does not make done entries look old
     */
    public ReplayService(Outbox outbox, CirculationService server, ConnectivityMonitor connectivity, Clock clock,
                         Scheduler scheduler, Backoff backoff, Duration retention, LongSupplier monotonicNanos) {
        this.monotonicNanos = Objects.requireNonNull(monotonicNanos, "monotonicNanos");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.server = Objects.requireNonNull(server, "server");
        this.connectivity = Objects.requireNonNull(connectivity, "connectivity");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.reconciliation = new Reconciliation(server);
    }

    /** Replays whenever the connection comes back (and at once when it already is online). */
    public void start() {
        connectivity.addListener(state -> {
            if (state == ConnectionState.ONLINE) {
                scheduler.execute(() -> replay(true));
            }
        });
    }

    /** Called with every entry that reached DONE, REFUSED or NEEDS_STAFF (on the replaying thread). */
    public void addListener(Consumer<OutboxEntry> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Asks for a pass on a worker thread (after an enqueue, say). */
    public void requestReplay() {
        scheduler.execute(this::replayNow);
    }

    /** Runs a pass on the calling thread, respecting backoff. */
    public Pass replayNow() {
        return replay(false);
    }

    /**
     * Saves {@code operation} (durably, before anything is sent), then sends the queue up to and
     * including it unless something older blocks it. For online flows that want the server's answer
     * at once and an honest "saved, sent later" when it cannot come.
     */
    public Submitted submit(Operation operation) {
        OutboxEntry saved = outbox.enqueue(operation);
        answers.put(saved.id(), PENDING_MARKER);
        passLock.lock();
        try {
            if (!closed) {
                runPasses(false);
            }
        } finally {
            passLock.unlock();
        }
        CallResult<?> answer = answers.remove(saved.id());
        return new Submitted(outbox.find(saved.id()).orElse(saved),
                answer == PENDING_MARKER ? Optional.empty() : Optional.ofNullable(answer));
    }

    private static final CallResult<?> PENDING_MARKER = CallResult.unreachable("no answer yet");

    private Pass replay(boolean connectionReturned) {
        if (closed) {
            return Pass.CLOSED;
        }
        if (!passLock.tryLock()) {
            again.set(true);
            return Pass.BUSY;
        }
        try {
            return runPasses(connectionReturned);
        } finally {
            passLock.unlock();
        }
    }

    private Pass runPasses(boolean ignoreBackoff) {
        Pass result;
        do {
            again.set(false);
            result = pass(ignoreBackoff);
            ignoreBackoff = false;
        } while (again.get() && result == Pass.IDLE && !closed);
        return result;
    }

    private Pass pass(boolean ignoreBackoff) {
        // a queue replayed after an outage holds many operations of few patrons: ask once per pass
        patrons.clear();
        contacts.clear();
        purge();
        while (!closed) {
            if (connectivity.state() == ConnectionState.OFFLINE) {
                return Pass.OFFLINE;
            }
            Optional<OutboxEntry> head = outbox.head();
            if (head.isEmpty()) {
                return Pass.IDLE;
            }
            OutboxEntry entry = head.get();
            Duration wait = Duration.between(clock.instant(), entry.nextAttemptAt());
            // a wait longer than the cap means the clock went back (a Pi sets its time late): due now
            if (!ignoreBackoff && wait.isPositive() && wait.compareTo(backoff.cap()) <= 0) {
                retryIn(wait);
                return Pass.WAITING;
            }
            ignoreBackoff = false;
            if (!process(entry)) {
                return Pass.WAITING;
            }
        }
        return Pass.CLOSED;
    }

    /** Handles the head; answers false when it must be retried later (a timer is then set). */
    private boolean process(OutboxEntry entry) {
        Operation op = entry.operation();
        CallResult<PatronId> who = resolve(op.patron());
        PatronId patron;
        switch (who) {
            case CallResult.Ok<PatronId> ok -> patron = ok.value();
            case CallResult.Refused<PatronId> r -> {
                return refuse(entry, r);
            }
            default -> {
                return retry(entry, entry.state(), "patron lookup: " + detail(who));
            }
        }
        if (entry.state() == OutboxState.SENDING) {
            CallResult<Reconciliation.Effect> found = reconciliation.check(op, patron);
            switch (found) {
                case CallResult.Ok<Reconciliation.Effect> ok when ok.value() == Reconciliation.Effect.PRESENT -> {
                    LOG.info("Outbox #{} {}: already on the server after an unknown outcome; not sent again",
                            entry.sequence(), op.kind());
                    return finish(entry, outbox.markDone(entry.id()));
                }
                case CallResult.Ok<Reconciliation.Effect> ok when ok.value() == Reconciliation.Effect.UNKNOWABLE -> {
                    LOG.warn("Outbox #{} {}: cannot tell whether it happened; staff must check", entry.sequence(), op.kind());
                    return finish(entry, outbox.markNeedsStaff(entry.id(), "outcome unknown and cannot be checked"));
                }
                case CallResult.Ok<Reconciliation.Effect> absent -> LOG.info(
                        "Outbox #{} {}: not on the server after an unknown outcome; sending again", entry.sequence(), op.kind());
                case CallResult.Refused<Reconciliation.Effect> r -> {
                    return refuse(entry, r);
                }
                default -> {
                    return retry(entry, OutboxState.SENDING, "reconciliation: " + detail(found));
                }
            }
        }
        CallResult<ContactMethod> contact = contactFor(op, patron);
        switch (contact) {
            case CallResult.Ok<ContactMethod> ok -> {
            }
            case CallResult.Refused<ContactMethod> r -> {
                return refuse(entry, r);
            }
            default -> {
                return retry(entry, entry.state(), "patron summary: " + detail(contact));
            }
        }
        if (!outbox.markSending(entry.id())) {
            return true; // changed under us (staff); the loop reads the head again
        }
        CallResult<?> sent = send(op, patron, ((CallResult.Ok<ContactMethod>) contact).value());
        answers.computeIfPresent(entry.id(), (id, previous) -> sent);
        return switch (sent) {
            case CallResult.Ok<?> ok -> finish(entry, outbox.markDone(entry.id()));
            case CallResult.Refused<?> r -> refuse(entry, r);
            // nothing can have happened: an ordinary retry
            case CallResult.Unreachable<?> u -> retry(entry, OutboxState.PENDING, "unreachable: " + u.detail());
            // it may have happened: stays SENDING, so the next attempt checks first
            case CallResult.Ambiguous<?> a -> retry(entry, OutboxState.SENDING, "no answer: " + a.detail());
        };
    }

    private boolean refuse(OutboxEntry entry, CallResult.Refused<?> refused) {
        LOG.info("Outbox #{} {} refused by the server: {}", entry.sequence(), entry.kind(), refused.reason().code());
        return finish(entry, outbox.markRefused(entry.id(), refused.reason()));
    }

    private boolean finish(OutboxEntry entry, boolean changed) {
        synchronized (this) {
            failuresInARow = 0;
        }
        if (changed) {
            outbox.find(entry.id()).ifPresent(done -> listeners.forEach(l -> {
                try {
                    l.accept(done);
                } catch (RuntimeException e) {
                    LOG.warn("Outbox listener failed", e);
                }
            }));
        }
        return true;
    }

    private boolean retry(OutboxEntry entry, OutboxState state, String error) {
        int failures;
        synchronized (this) {
            failures = ++failuresInARow;
        }
        Duration delay = backoff.delay(failures);
        LOG.info("Outbox #{} {}: {}; next attempt in {} ms", entry.sequence(), entry.kind(), error, delay.toMillis());
        outbox.retryLater(entry.id(), state, clock.instant().plus(delay), error);
        retryIn(delay);
        return false;
    }

    private synchronized void retryIn(Duration delay) {
        if (closed) {
            return;
        }
        if (timer != null) {
            timer.cancel();
        }
        timer = scheduler.schedule(delay, this::replayNow);
    }

    private void purge() {
        try {
            int purged = outbox.purgeDone(purgeBefore(clock.instant()));
            if (purged > 0) {
                LOG.info("Outbox: purged {} done operations older than {}", purged, retention);
            }
        } catch (Outbox.OutboxException e) {
            LOG.warn("Outbox: purging done operations failed; will try again on the next pass", e);
        }
    }

    /**
     * Done entries created before this instant are old enough to go. Normally {@code now − retention}; after
     * the wall clock jumped forward (a Pi without a real-time clock setting its time late), entries saved
     * before the jump are really younger than their timestamps say, so the cut moves back by the jump —
     * until a whole retention period has passed since it, when every entry from before is truly old.
     */
    private synchronized Instant purgeBefore(Instant now) {
        long mono = monotonicNanos.getAsLong();
        if (lastWall != null) {
            Duration jump = Duration.between(lastWall, now).minusNanos(mono - lastMonotonic);
            if (jump.abs().compareTo(CLOCK_JUMP) > 0) {
                skew = jump.plus(skew).isNegative() ? Duration.ZERO : skew.plus(jump);
                jumpedAt = now;
                LOG.warn("Outbox: the clock jumped by {}; done operations saved before it are kept until they are"
                        + " really {} old", jump, retention);
            }
        }
        lastWall = now;
        lastMonotonic = mono;
        if (jumpedAt != null && now.minus(retention).isAfter(jumpedAt)) {
            skew = Duration.ZERO;
            jumpedAt = null;
        }
        return now.minus(retention).minus(skew);
    }

    private CallResult<PatronId> resolve(PatronRef ref) {
        return switch (ref) {
            case PatronRef.Id id -> CallResult.ok(id.patronId());
            case PatronRef.Card card -> {
                PatronId known = patrons.get(card.cardNumber());
                if (known != null) {
                    yield CallResult.ok(known);
                }
                CallResult<PatronId> found = server.findPatron(card.cardNumber());
                if (found instanceof CallResult.Ok<PatronId> ok) {
                    patrons.put(card.cardNumber(), ok.value());
                }
                yield found;
            }
        };
    }

    private CallResult<ContactMethod> contactFor(Operation op, PatronId patron) {
        if (op instanceof Operation.PlaceHold hold && hold.contactMethod().isEmpty()) {
            ContactMethod known = contacts.get(patron);
            if (known != null) {
                return CallResult.ok(known);
            }
            // what Koha itself gives a hold: e-mail when the patron has an address, else phone
            CallResult<ContactMethod> method = server.patronSummary(patron).map(PatronSummary::email)
                    .map(email -> email.isPresent() ? ContactMethod.EMAIL : ContactMethod.PHONE);
            if (method instanceof CallResult.Ok<ContactMethod> ok) {
                contacts.put(patron, ok.value());
            }
            return method;
        }
        return CallResult.ok(op instanceof Operation.PlaceHold hold ? hold.contactMethod().orElseThrow() : ContactMethod.NONE);
    }

    private CallResult<?> send(Operation op, PatronId patron, ContactMethod contact) {
        return switch (op) {
            case Operation.PlaceHold h -> server.placeHold(new HoldRequest(patron, h.recordIds(), h.pickupLibraryId(), contact));
            case Operation.CancelHold c -> server.cancelHold(patron, c.holdId());
            case Operation.ChangePickupLibrary c -> server.changePickupLibrary(patron, c.holdId(), c.libraryId());
            case Operation.ChangeContactMethod c -> server.changeContactMethod(patron, c.holdId(), c.method());
            case Operation.DismissCancelledHold d -> server.dismissCancelledHold(patron, d.holdId());
            case Operation.RenewLoan r -> server.renew(patron, r.checkoutId());
        };
    }

    private static String detail(CallResult<?> result) {
        return switch (result) {
            case CallResult.Unreachable<?> u -> u.detail();
            case CallResult.Ambiguous<?> a -> a.detail();
            case CallResult.Refused<?> r -> r.reason().code();
            case CallResult.Ok<?> ok -> "ok";
        };
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
