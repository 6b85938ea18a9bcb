package org.opackiosk.core.session;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The patron logged in at this kiosk, if any. There is at most one; {@link #end()} forgets them and
 * tells every listener, so each holder of patron data (view models, caches) wipes its own.
 *
 * <p>Meant for the UI thread: listeners run synchronously on the thread that calls
 * {@link #start} or {@link #end}. Never blocks, never fails.
 */
public final class PatronSession {

    /** Told when a session starts ({@code Optional.of}) and when it ends ({@code Optional.empty}). */
    public interface Listener extends Consumer<Optional<LoggedInPatron>> {
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private LoggedInPatron patron;

    public Optional<LoggedInPatron> current() {
        return Optional.ofNullable(patron);
    }

    public boolean loggedIn() {
        return patron != null;
    }

    /** Starts the session of {@code patron}, ending whoever was logged in before. */
    public void start(LoggedInPatron patron) {
        Objects.requireNonNull(patron, "patron");
        if (this.patron != null) {
            end();
        }
        this.patron = patron;
        listeners.forEach(l -> l.accept(Optional.of(patron)));
    }

    /** Logout, idle timeout or the hard maximum: nothing of the patron stays here. Idempotent. */
    public void end() {
        if (patron == null) {
            return;
        }
        patron = null;
        listeners.forEach(l -> l.accept(Optional.empty()));
    }

    /** Replaces the summary of the current patron (after an e-mail change, a reload); ignored without one. */
    public void update(LoggedInPatron refreshed) {
        if (patron != null && patron.id().equals(refreshed.id())) {
            patron = refreshed;
        }
    }

    public void addListener(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }
}
