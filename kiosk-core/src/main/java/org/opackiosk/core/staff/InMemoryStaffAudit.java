package org.opackiosk.core.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A {@link StaffAudit} in memory: for tests, and the fallback when the kiosk's database cannot be used. */
public final class InMemoryStaffAudit implements StaffAudit {

    private final List<StaffAuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized void record(StaffAuditEntry entry) {
        entries.add(Objects.requireNonNull(entry, "entry"));
    }

    @Override
    public synchronized List<StaffAuditEntry> recent(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        List<StaffAuditEntry> newestFirst = new ArrayList<>(entries).reversed();
        return List.copyOf(newestFirst.subList(0, Math.min(limit, newestFirst.size())));
    }
}
