package org.opackiosk.core.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.opackiosk.core.circulation.Refusal;

/**
 * An {@link Outbox} in memory: for tests and for a kiosk whose disk cannot be used (then nothing
 * survives a restart, and staff are told). Same contract as the durable one except durability.
 */
public final class InMemoryOutbox implements Outbox {

    private final Clock clock;
    private final Map<UUID, OutboxEntry> entries = new LinkedHashMap<>();
    private final String warning;
    private final Set<UUID> told = new HashSet<>();
    private long lastSequence;

    public InMemoryOutbox(Clock clock) {
        this(clock, null);
    }

    /** @param staffWarning why the kiosk runs without a durable outbox, for staff; {@code null} = none */
    public InMemoryOutbox(Clock clock, String staffWarning) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.warning = staffWarning;
    }

    @Override
    public synchronized OutboxEntry enqueue(Operation operation) {
        Objects.requireNonNull(operation, "operation");
        Instant now = clock.instant();
        OutboxEntry entry = new OutboxEntry(UUID.randomUUID(), ++lastSequence, operation, now, 0, now,
                OutboxState.PENDING, Optional.empty(), Optional.empty());
        entries.put(entry.id(), entry);
        return entry;
    }

    @Override
    public synchronized Optional<OutboxEntry> find(UUID id) {
        return Optional.ofNullable(entries.get(id));
    }

    @Override
    public synchronized Optional<OutboxEntry> head() {
        return entries.values().stream().filter(e -> e.state().open())
                .min((a, b) -> Long.compare(a.sequence(), b.sequence()));
    }

    @Override
    public synchronized List<OutboxEntry> list(OutboxState... states) {
        Set<OutboxState> wanted = states.length == 0 ? EnumSet.allOf(OutboxState.class)
                : EnumSet.copyOf(Arrays.asList(states));
        return entries.values().stream().filter(e -> wanted.contains(e.state()))
                .sorted((a, b) -> Long.compare(a.sequence(), b.sequence())).toList();
    }

    @Override
    public synchronized int countOpen() {
        return (int) entries.values().stream().filter(e -> e.state().open()).count();
    }

    @Override
    public synchronized List<OutboxEntry> untoldRefusals() {
        return list(OutboxState.REFUSED).stream().filter(e -> !told.contains(e.id())).toList();
    }

    @Override
    public synchronized boolean markTold(UUID id) {
        OutboxEntry e = entries.get(id);
        if (e == null || e.state() != OutboxState.REFUSED) {
            return false;
        }
        told.add(id);
        return true;
    }

    @Override
    public boolean markSending(UUID id) {
        return change(id, EnumSet.of(OutboxState.PENDING, OutboxState.SENDING), e -> copy(e, OutboxState.SENDING,
                e.attempts() + 1, e.nextAttemptAt(), e.lastError(), Optional.empty()));
    }

    @Override
    public boolean markDone(UUID id) {
        return change(id, EnumSet.of(OutboxState.PENDING, OutboxState.SENDING), e -> copy(e, OutboxState.DONE,
                e.attempts(), e.nextAttemptAt(), e.lastError(), Optional.empty()));
    }

    @Override
    public synchronized boolean markRefused(UUID id, Refusal reason) {
        Objects.requireNonNull(reason, "reason");
        boolean changed = change(id, EnumSet.of(OutboxState.PENDING, OutboxState.SENDING), e -> copy(e, OutboxState.REFUSED,
                e.attempts(), e.nextAttemptAt(), Optional.of("refused: " + reason.code()), Optional.of(reason)));
        if (changed) {
            told.remove(id); // a refusal after a requeue is news again
        }
        return changed;
    }

    @Override
    public boolean markNeedsStaff(UUID id, String why) {
        Objects.requireNonNull(why, "why");
        return change(id, EnumSet.of(OutboxState.PENDING, OutboxState.SENDING), e -> copy(e, OutboxState.NEEDS_STAFF,
                e.attempts(), e.nextAttemptAt(), Optional.of(why), Optional.empty()));
    }

    @Override
    public boolean retryLater(UUID id, OutboxState state, Instant nextAttemptAt, String error) {
        if (!state.open()) {
            throw new IllegalArgumentException("retry as PENDING or SENDING, not " + state);
        }
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(error, "error");
        return change(id, EnumSet.of(OutboxState.PENDING, OutboxState.SENDING), e -> copy(e, state,
                e.attempts(), nextAttemptAt, Optional.of(error), Optional.empty()));
    }

    @Override
    public boolean requeue(UUID id) {
        Instant now = clock.instant();
        return change(id, EnumSet.of(OutboxState.REFUSED, OutboxState.NEEDS_STAFF, OutboxState.PENDING,
                OutboxState.SENDING), e -> copy(e, e.state() == OutboxState.SENDING ? OutboxState.SENDING
                : OutboxState.PENDING, e.attempts(), now, e.lastError(), Optional.empty()));
    }

    @Override
    public boolean discard(UUID id, String why) {
        Objects.requireNonNull(why, "why");
        return change(id, EnumSet.of(OutboxState.PENDING, OutboxState.SENDING, OutboxState.REFUSED, OutboxState.NEEDS_STAFF),
                e -> copy(e, OutboxState.REFUSED, e.attempts(), e.nextAttemptAt(), Optional.of(why), Optional.of(DISCARDED)));
    }

    @Override
    public synchronized int purgeDone(Instant before) {
        int size = entries.size();
        entries.values().removeIf(e -> e.state() == OutboxState.DONE && e.createdAt().isBefore(before));
        return size - entries.size();
    }

    @Override
    public Optional<String> staffWarning() {
        return Optional.ofNullable(warning);
    }

    @Override
    public void close() {
        // nothing to release
    }

    private synchronized boolean change(UUID id, Set<OutboxState> from, UnaryOperator<OutboxEntry> to) {
        OutboxEntry e = entries.get(id);
        if (e == null || !from.contains(e.state())) {
            return false;
        }
        entries.put(id, to.apply(e));
        return true;
    }

    private static OutboxEntry copy(OutboxEntry e, OutboxState state, int attempts, Instant next,
                                    Optional<String> error, Optional<Refusal> refusal) {
        return new OutboxEntry(e.id(), e.sequence(), e.operation(), e.createdAt(), attempts, next, state, error, refusal);
    }
}
