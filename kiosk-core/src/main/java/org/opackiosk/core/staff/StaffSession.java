package org.opackiosk.core.staff;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether staff maintenance mode is open, and for whom (a masked staff card number, or how staff got in,
 * e.g. "key switch"). One per kiosk; the entry screen begins it, leaving (or 2 minutes idle) ends it.
 * Used on the UI thread.
 */
public final class StaffSession {

    private String staff;

    /** Opens maintenance mode for {@code staff} (already masked). */
    public void begin(String staff) {
        this.staff = Objects.requireNonNull(staff, "staff");
    }

    public void end() {
        staff = null;
    }

    public boolean active() {
        return staff != null;
    }

    /** Who is in maintenance mode, masked; empty when nobody is. */
    public Optional<String> staff() {
        return Optional.ofNullable(staff);
    }
}
