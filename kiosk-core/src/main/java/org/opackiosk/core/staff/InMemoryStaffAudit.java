package org.opackiosk.core.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link StaffAudit} in memory: for tests, and the fallback when the kiosk's database cannot be used. */
public final class InMemoryStaffAudit implements StaffAudit {

    private static final Logger LOG = LoggerFactory.getLogger(InMemoryStaffAudit.class);

    private final List<StaffAuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized void record(StaffAuditEntry entry) {
        entries.add(Objects.requireNonNull(entry, "entry"));
        LOG.info("Staff audit: {} {}: {} ({})", entry.staff(), entry.action(), entry.outcome(), entry.at());
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
